
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

def log = new File(basedir, 'build.log').text
assert log.contains('Refusing step 1 of db.events')
assert log.contains('it loses data (drop column legacy)')
assert log.contains('not marked @Migration(destructive = true)')
def table = metadata(basedir, '.lake/warehouse', 'db.events')
assert table.properties.'lake.migration.step' == '1'
assert columns(table) == ['id', 'name']
// The refused run left step 0 as it was: the metadata log has one version before the drop.
assert table.'metadata-log'.size() == 1
return true
