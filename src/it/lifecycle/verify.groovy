def log = new File(basedir, 'build.log').text
int migrate = log.indexOf(':migrate (migrate-test-catalog) @ lifecycle')
int failsafe = log.indexOf('--- maven-failsafe-plugin:3.6.1:integration-test')
assert migrate > 0 && failsafe > migrate : 'migrate runs before the integration tests'
assert log.contains('Applied analytics.events step 1 (rename ts)')
assert log.contains("Migrated catalog 'test' (hadoop): 2 step(s) applied")
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com.example.EventsIT/
return true
