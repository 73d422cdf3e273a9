import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def metadata = { String warehouse, String table ->
  def dir = new File(basedir, "target/${warehouse}/${table.replace('.', '/')}/metadata")
  if (!dir.isDirectory()) return null
  def latest = dir.listFiles().findAll { it.name.endsWith('.metadata.json') }.max { it.lastModified() }
  return new JsonSlurper().parse(latest)
}

assert log.contains('Lake check: 2 table(s) match their migrations')
// Iceberg's own INFO lines stay out of every goal, lake:check included.
assert !log.contains('Table loaded by catalog') && !log.contains('Refreshing table metadata')
// Development: both tables, under the mapped namespace, with the placeholder filled.
assert metadata('warehouse-dev', 'analytics_dev.events').properties.owner == 'dev-team'
assert metadata('warehouse-dev', 'analytics_dev.scratch') != null
assert !new File(basedir, 'target/warehouse-dev/analytics').exists()
assert log.contains("catalog 'dev' (hadoop)")
assert log =~ /analytics\.events \(analytics_dev\.events\)\s+applied step 0 of 0/

// Production: the same history, its own namespace and value, and only the tables it holds.
assert metadata('warehouse-prod', 'analytics_prod.events').properties.owner == 'data'
assert metadata('warehouse-prod', 'analytics_prod.events').properties.'lake.migration.step' == '0'
assert !new File(basedir, 'target/warehouse-prod/analytics_prod/scratch').exists()
assert log =~ /analytics\.events \(analytics_prod\.events\)\s+applied step 0 of 0/

// An environment without a value for the placeholder: refused, naming it, the migration and the catalog.
assert log.contains('Property owner of analytics.events uses ${team} (step 0, com.example.migrations.V0000_CreateEvents), '
    + "which catalog 'unfilled' (hadoop) gives no value for: add <values><team>...</team></values> to that catalog's configuration")
assert !new File(basedir, 'target/warehouse-unfilled/analytics').exists()
return true
