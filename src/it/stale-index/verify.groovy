
def log = new File(basedir, 'build.log').text
assert log.contains("No compiled Lake tables: target/classes/META-INF/lake/index.json is missing. Run 'mvn compile' first")
assert new File(basedir, 'src/main/java/com/example/migrations').listFiles().any { it.name.startsWith('V0001_') }
assert log =~ /The compiled Lake tables are older than src\/main\/java\/com\/example\/migrations\/V0001_\w+\.java: run 'mvn compile' first/
assert !log.contains('Applied db.events') : 'a step was applied from a missing or stale index'
assert !new File(basedir, '.lake/warehouse/db/events').exists() : 'a table was created'
return true
