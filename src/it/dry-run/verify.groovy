
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
assert log.contains('Would apply db.events step 0 (create events):')
assert log.contains('  add column id long not null')
assert log.contains('1 step(s) pending')
assert metadata(basedir, '.lake/warehouse', 'db.events') == null : 'a dry run committed a table'
return true
