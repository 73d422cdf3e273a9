import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def slurp = { String path -> new JsonSlurper().parse(new File(basedir, path)) }

// 1. History in text: one row per step, applied and pending, with who ran it.
assert log.contains('Lake history of catalog \'embedded\'')
assert log =~ /(?m)^\[INFO\]\s+0\s+applied\s+\S+\s+ci-bot\s+[0-9a-f]{16} create events$/
assert log =~ /(?m)^\[INFO\]\s+3\s+pending\s+[0-9a-f]{16} drop device$/
// ... and in JSON, to a file.
def history = slurp('target/history.json')
def steps = history.tables[0].steps
assert steps*.state == ['applied', 'applied', 'applied', 'pending']
assert steps[0].by == 'ci-bot' && steps[0].author == 'jdoe' && steps[0].reason == 'ANA-1' && steps[0].event == 'applied'
assert steps[2].author == 'asmith' && steps[2].description == 'add country'
assert steps[3].by == null && steps[3].checksum ==~ /[0-9a-f]{16}/
// The formats' INFO lines stay out of Lake's goals unless -Dlake.verbose (goal set 2 asked for them).
def sets = log.split(/(?m)^\[INFO\] Scanning for projects/)
assert sets.size() >= 3
assert !sets[1].contains('Refreshing table metadata') : 'Iceberg INFO lines are quiet by default'
assert sets[2].contains('Refreshing table metadata') : '-Dlake.verbose lets them through'

// 2. Undo: a dry run, then steps 2 and 1 taken back in one commit; migrate gives the columns their ids back.
assert log.contains("Would take analytics.events in catalog 'embedded' (embedded) back from step 2 to step 0 (dry run")
assert log.contains("Took analytics.events in catalog 'embedded' (embedded) back from step 2 to step 0")
assert log =~ /analytics\.events\s+applied step 0 of 3, pending \[1, 2, 3\] \(undone \[1, 2\]\)/
def dir = new File(basedir, '.lake/warehouse/analytics/events/metadata')
def versions = dir.listFiles().findAll { it.name.endsWith('.metadata.json') }.sort { it.name }
  .collect { new JsonSlurper().parse(it) }
def ids = { m -> m.schemas.find { it.'schema-id' == m.'current-schema-id' }.fields.collectEntries { [it.name, it.id] } }
def stepOf = { m -> m.properties.'lake.migration.step' }
int firstAt2 = versions.findIndexOf { stepOf(it) == '2' }
int undone = versions.findIndexOf(firstAt2) { stepOf(it) == '0' }
int againAt2 = versions.findIndexOf(undone) { stepOf(it) == '2' }
assert firstAt2 >= 0 && undone > firstAt2 && againAt2 > undone
assert undone == firstAt2 + 1 : 'undo is one commit'
assert ids(versions[undone]).keySet() == ['id', 'ts', 'name'] as Set
assert ids(versions[undone]).name == ids(versions[firstAt2]).event_name
assert ids(versions[againAt2]) == ids(versions[firstAt2]) : 'migrating again restores the field ids'
assert versions[undone].properties.'lake.migration.undone' =~ /^1:[0-9a-f]{16},2:[0-9a-f]{16}$/
assert slurp('target/history-after-undo.json').tables[0].steps*.state == ['applied', 'applied', 'applied', 'pending']

// 3. A real edit is refused, saying which side has what.
assert log.contains("Cannot repair analytics.events in catalog 'embedded' (embedded): step(s) [1] were edited")
assert log.contains('column device int') && log.contains('column device string')
// 4. A cosmetic edit is accepted with its reason, kept in the step's history.
assert log.contains("Repaired analytics.events in catalog 'embedded' (embedded): recorded the code's checksums of step(s) [1]")
def repaired = versions.find { it.properties.'lake.migration.history'?.contains('ANA-9_states_where_device_goes') }
assert repaired != null
def record = new JsonSlurper().parseText(repaired.properties.'lake.migration.history').find { it.step == 1 }
assert record.repair.startsWith('ANA-9_states_where_device_goes (repaired by ')

// 5. A dropped column cannot be taken back.
assert log.contains('Cannot undo step 3 of analytics.events in catalog \'embedded\' (embedded) (com.example.migrations.V0003_DropDevice): it drops column device')
// 6. Migrate below the applied step points to undo.
assert log.contains("run 'mvn lake:undo -Dlake.target=1 -Dlake.tables=analytics.events' to take steps back")

// 7. The JSON alone on standard output, also under -q: a shell pipe into a JSON parser works. (Maven 3.8
// writes a colour reset after the build unless its JVM has -Djansi.noreset=true: .mvn/jvm.config here.)
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def command = "'${mvn}' -q -o -B -s '${itSettings}' -Dmaven.repo.local='${localRepositoryPath}' -DitSources=src/edited/java " +
    "lake:status -Dlake.format=json | python3 -m json.tool"
def process = new ProcessBuilder('bash', '-c', 'set -o pipefail; ' + command).directory(basedir).redirectErrorStream(true).start()
def out = process.inputStream.text
assert process.waitFor() == 0 : out
def status = new JsonSlurper().parseText(out)
assert status.catalog == "catalog 'embedded' (embedded)"
assert status.tables[0].table == 'analytics.events' && status.tables[0].appliedStep == 3
return true
