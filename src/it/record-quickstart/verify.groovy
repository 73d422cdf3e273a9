import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def migration = new File(basedir, 'src/main/java/com/example/migrations/analytics/events/V0000_CreateEvents.java')
assert migration.isFile() : 'lake:generate wrote no migration'
assert migration.text.contains('@Migration(') && migration.text.contains('author = "quickstart"')
assert log.contains('Applied analytics.events step 0')
assert log.contains('applied step 0 of 0, pending none')

// The table itself, as Iceberg wrote it: the latest metadata file of the embedded catalog's warehouse.
def metadataDir = new File(basedir, '.lake/warehouse/analytics/events/metadata')
assert metadataDir.isDirectory() : "no Iceberg metadata in ${metadataDir}"
def latest = metadataDir.listFiles().findAll { it.name.endsWith('.metadata.json') }.max { it.name }
def metadata = new JsonSlurper().parse(latest)
def schema = metadata.schemas.find { it.'schema-id' == metadata.'current-schema-id' }
assert schema.fields.collect { it.name } == ['event_id', 'event_time', 'name', 'tags']
assert schema.fields[0].required == true && schema.fields[0].type == 'long'
assert schema.fields[1].type == 'timestamptz'
assert schema.'identifier-field-ids' == [schema.fields[0].id]
def spec = metadata.'partition-specs'.find { it.'spec-id' == metadata.'default-spec-id' }
assert spec.fields.collect { it.transform } == ['day']
assert metadata.properties.'lake.migration.step' == '0'
def jsonLine = log.readLines().find { it.contains('{"catalog":') }
assert jsonLine != null : 'lake:status -Dlake.format=json printed no JSON'
def status = new JsonSlurper().parseText(jsonLine.substring(jsonLine.indexOf('{')))
assert status.tables.size() == 1 && status.tables[0].table == 'analytics.events'
assert status.tables[0].appliedStep == 0 && status.tables[0].pending == [] && status.tables[0].problems == []
assert !log.contains('NoClassDefFoundError') : 'a JVM shutdown hook failed after the build'
return true
