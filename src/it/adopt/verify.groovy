import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def m = log =~ /By hand: channel has field id (\d+)/
assert m.find()
def handId = m.group(1)
assert log.contains('analytics.events was changed outside Lake (live drift): add column channel string. Undo the change, '
    + "or declare it in the table's declaration and run 'mvn lake:generate', then 'mvn compile lake:migrate'")
def step1 = new File(basedir, 'src/declared/java/com/example/migrations').listFiles().find { it.name.startsWith('V0001_') }
assert step1 != null && step1.text.contains('name = "channel"')
assert log =~ /Adopted analytics\.events step 1 \([^)]*\): the table already had its result; recorded without changing it/
assert log.contains("Lake validation of catalog 'main' (hadoop): no problem")
assert log.contains("Read back: id 1, channel (field id ${handId}) = web, schema step 1")

def dir = new File(basedir, 'warehouse/analytics/events/metadata')
def versions = dir.listFiles().findAll { it.name ==~ /v\d+\.metadata\.json/ }
  .sort { (it.name =~ /\d+/)[0] as int }.collect { new JsonSlurper().parse(it) }
def last = versions[-1]
assert last.properties.'lake.migration.step' == '1'
def schemaIds = versions.collect { it.'current-schema-id' } as Set
assert schemaIds.size() == 2 : 'adoption changed no schema: the one made by hand is current'
def history = new JsonSlurper().parseText(last.properties.'lake.migration.history')
assert history.find { it.step == 1 }.event == 'adopted'
return true
