

def log = new File(basedir, 'build.log').text
def step1 = new File(basedir, 'src/main/java/com/example/migrations').listFiles().find { it.name.startsWith('V0001_') }
assert step1 != null : 'lake:generate wrote no step 1'
assert step1.text.contains('@RenameColumn(') && step1.text.contains('from = "ts"') && step1.text.contains('to = "event_time"')
assert step1.text.contains('@UpdateColumnType(') && step1.text.contains('type = "long"')
assert log.contains('Applied analytics.events step 1')
assert log.contains('Lake check: 1 table(s) match their migrations')
// The histories were replayed in a JVM of lake:check's own, which answered.
assert new File(basedir, 'target/lake-check/worker.log').isFile()
assert new File(basedir, 'target/lake-check/result.json').text.contains('"tables":1')

def dir = new File(basedir, '.lake/warehouse/analytics/events/metadata')
def versions = dir.listFiles().findAll { it.name.endsWith('.metadata.json') }.sort { it.name }
def first = new groovy.json.JsonSlurper().parse(versions[0])
def last = new groovy.json.JsonSlurper().parse(versions[-1])
def fieldsOf = { m -> m.schemas.find { it.'schema-id' == m.'current-schema-id' }.fields }
def tsId = fieldsOf(first).find { it.name == 'ts' }.id
def eventTime = fieldsOf(last).find { it.name == 'event_time' }
assert eventTime.id == tsId : 'the rename kept the field id'
assert fieldsOf(last).find { it.name == 'count' }.type == 'long'
def spec = last.'partition-specs'.find { it.'spec-id' == last.'default-spec-id' }
assert spec.fields.collect { it.transform } == ['day']
def order = last.'sort-orders'.find { it.'order-id' == last.'default-sort-order-id' }
assert order.fields.size() == 1 && order.fields[0].direction == 'asc'
assert last.properties.'write.format.default' == 'orc'
assert last.properties.'lake.migration.step' == '1'
return true
