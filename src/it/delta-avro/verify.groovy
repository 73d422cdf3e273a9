import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def step1 = new File(basedir, 'src/main/java/com/example/migrations').listFiles().find { it.name.startsWith('V0001_') }
assert step1 != null : 'lake:generate wrote no step 1'
assert step1.text.contains('from = "email"') && step1.text.contains('to = "email_address"')
assert log.contains('Applied crm.users step 0')
assert log.contains('Applied crm.users step 1')
assert log.contains('Lake check: 1 table(s) match their migrations')
// The histories were replayed in a JVM of lake:check's own, which answered.
assert new File(basedir, 'target/lake-check/worker.log').isFile()
assert new File(basedir, 'target/lake-check/result.json').text.contains('"tables":1')

// The Delta log: one commit per step, each with the table's metadata.
def logDir = new File(basedir, '.lake/delta/crm/users/_delta_log')
assert logDir.isDirectory() : 'no Delta table at .lake/delta/crm/users'
def commits = logDir.listFiles().findAll { it.name ==~ /\d{20}\.json/ }.sort { it.name }
assert commits.size() == 2 : "one Delta commit per step, found ${commits*.name}"
def metadataOf = { File commit ->
  commit.readLines().collect { new JsonSlurper().parseText(it) }.find { it.metaData }?.metaData
}
def first = metadataOf(commits[0])
def last = metadataOf(commits[1])
assert first.partitionColumns == ['country']
assert last.configuration.'delta.columnMapping.mode' == 'name'
assert last.configuration.'lake.migration.step' == '1'
def fields = { m -> new JsonSlurper().parseText(m.schemaString).fields }
def byName = { m -> fields(m).collectEntries { [it.name, it] } }
assert fields(last).collect { it.name } == ['id', 'email_address', 'country', 'score', 'address', 'referrer']
assert byName(last).email_address.metadata.'delta.columnMapping.id' == byName(first).email.metadata.'delta.columnMapping.id' :
    'the rename kept the column id'
assert byName(last).score.type == 'long'
assert byName(last).address.type.fields.collect { it.name } == ['city', 'zip']
assert byName(last).referrer.nullable
return true
