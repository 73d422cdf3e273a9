def log = new File(basedir, 'build.log').text
assert log.contains('Table db.users has drifted from its migrations (step 0): add column email string')
assert log.contains("Run 'mvn lake:generate' to write step 1")
assert log.contains('Lake check failed')
return true
