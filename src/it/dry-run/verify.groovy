
def lake = evaluate(new File(itSupport))

def log = new File(basedir, 'build.log').text
assert log.contains('Would apply db.events step 0 (create events):')
assert log.contains('  add column id long not null')
assert log.contains('1 step(s) pending')
assert lake.metadata(basedir, '.lake/warehouse', 'db.events') == null : 'a dry run committed a table'
return true
