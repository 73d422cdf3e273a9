def lake = evaluate(new File(itSupport))

def log = new File(basedir, 'build.log').text
assert log.contains("No table format 'delta' is available (available: iceberg): add dev.lake:lake-delta to the "
    + "lake-maven-plugin's <dependencies>")
assert log.contains("Migrated catalog 'local' (hadoop): 1 step(s) applied")
assert lake.metadata(basedir, 'target/warehouse', 'db.events') != null : 'the Iceberg catalog got no table'
assert !new File(basedir, 'target/delta').exists() : 'the missing format wrote something'
return true
