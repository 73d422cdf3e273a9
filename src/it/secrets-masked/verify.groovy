
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
assert !log.contains('S3cr3t-Catalog-Value-42') : 'the catalog secret appears in the build log'
assert log.contains('Applied db.events step 0')
assert log.contains("Cannot open catalog 'down' (rest)")
def table = metadata(basedir, 'target/dev-warehouse', 'db.events')
assert table != null && table.properties.'lake.migration.step' == '0'
return true
