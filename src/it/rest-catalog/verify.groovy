import groovy.json.JsonSlurper

def server = context.get('restServer')
def port = context.get('restPort')
try {
  def log = new File(basedir, 'build.log').text
  assert log.contains("Applied db.events step 0")
  assert log.contains("Lake status of catalog 'rest' (rest):")
  // Debug logging was on, the HTTP client's included, and the bearer token reached no log line.
  assert log.contains('[DEBUG] ex-0000000001 preparing request execution')
  assert !log.contains('S3cr3t-Catalog-Value-42') : 'the bearer token appears in the build log'
  // The table as the REST catalog serves it.
  def response = new JsonSlurper().parse(new URL("http://127.0.0.1:${port}/v1/namespaces/db/tables/events"))
  def metadata = response.metadata
  def schema = metadata.schemas.find { it.'schema-id' == metadata.'current-schema-id' }
  assert schema.fields.collect { it.name } == ['id', 'name']
  assert metadata.properties.'lake.migration.step' == '0'
} finally {
  server.destroy()
  server.waitFor()
}
return true
