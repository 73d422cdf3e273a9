// Starts Iceberg's REST catalog server (from its test fixtures) as its own process on 127.0.0.1,
// backed by an SQLite file, and tells the build its address through .mvn/maven.config.
def classPathFile = new File(restServerClassPath)
assert classPathFile.isFile() : "${classPathFile} is missing: lake-testing's build writes it; build from the root"
def classPath = classPathFile.text.trim()
def port = new ServerSocket(0).withCloseable { it.localPort }
def target = new File(basedir, 'target')
target.mkdirs()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def builder = new ProcessBuilder(java, '-cp', classPath, 'org.apache.iceberg.rest.RESTCatalogServer')
builder.environment().put('CATALOG_URI', 'jdbc:sqlite:' + new File(target, 'rest-catalog.db').path)
builder.environment().put('CATALOG_WAREHOUSE', new File(target, 'rest-warehouse').toURI().toString())
builder.environment().put('CATALOG_REST_PORT', String.valueOf(port))
builder.redirectErrorStream(true).redirectOutput(new File(target, 'rest-server.log'))
def server = builder.start()
// verify.groovy stops it; this stops it too if the build fails before verify.groovy runs.
Runtime.runtime.addShutdownHook { server.destroy() }
context.put('restServer', server)
context.put('restPort', port)

def deadline = System.currentTimeMillis() + 60_000
def ready = false
while (!ready && System.currentTimeMillis() < deadline && server.isAlive()) {
  try {
    def connection = new URL("http://127.0.0.1:${port}/v1/config").openConnection()
    connection.connectTimeout = 1000
    ready = connection.responseCode == 200
  } catch (IOException e) {
    Thread.sleep(250)
  }
}
assert ready : "the REST catalog server did not start: " + new File(target, 'rest-server.log').text
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-Drest.uri=http://127.0.0.1:${port}/\n"
return true
