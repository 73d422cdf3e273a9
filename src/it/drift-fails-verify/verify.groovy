def log = new File(basedir, 'build.log').text
assert log.contains('Table db.users has drifted from its migrations (step 0): add column email string')
assert log.contains("Run 'mvn lake:generate' to write step 1")
assert log.contains('Lake check failed')
// The check reads the verdict of the compile that ran before it: no second pass of javac over the sources.
assert !new File(basedir, 'target/lake-processor').exists()
return true
