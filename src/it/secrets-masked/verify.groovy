
def lake = evaluate(new File(itSupport))

def log = new File(basedir, 'build.log').text
assert !log.contains('S3cr3t-Catalog-Value-42') : 'the catalog secret appears in the build log'
assert log.contains('Applied db.events step 0')
assert log.contains("Cannot open catalog 'down' (rest)")
def table = lake.metadata(basedir, 'target/dev-warehouse', 'db.events')
assert table != null && table.properties.'lake.migration.step' == '0'
return true
