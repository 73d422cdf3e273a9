
def lake = evaluate(new File(itSupport))

def log = new File(basedir, 'build.log').text
assert log.contains('Refusing step 1 of db.events')
assert log.contains('it loses data (drop column legacy)')
assert log.contains('not marked @Migration(destructive = true)')
def table = lake.metadata(basedir, '.lake/warehouse', 'db.events')
assert table.properties.'lake.migration.step' == '1'
assert lake.columns(table) == ['id', 'name']
// The refused run left step 0 as it was: the metadata log has one version before the drop.
assert table.'metadata-log'.size() == 1
return true
