
def metadata(File basedir, String warehouse, String table) {
  def dir = new File(basedir, warehouse + '/' + table.replace('.', '/') + '/metadata')
  if (!dir.isDirectory()) return null
  def latest = dir.listFiles().findAll { it.name.endsWith('.metadata.json') }.max { it.name }
  return latest == null ? null : new groovy.json.JsonSlurper().parse(latest)
}
def columns(def metadata) {
  def schema = metadata.schemas.find { it.'schema-id' == metadata.'current-schema-id' }
  return schema.fields.collect { it.name }
}

def migration = new File(basedir, 'tables/src/main/java/com/example/tables/migrations/crm/customers/V0000_CreateCustomers.java')
assert migration.isFile() : 'the migration was not written into the module'
assert !new File(basedir, 'src').exists() : 'something was written into the parent'
def table = metadata(new File(basedir, 'tables'), '.lake/warehouse', 'crm.customers')
assert table != null && columns(table) == ['id', 'name', 'email']
return true
