
def log = new File(basedir, 'build.log').text
assert log =~ /V0001_DropLegacy\.java:\[\d+,\d+\] Step 1 of db\.events loses data \(drop column legacy\) but is not marked destructive/
assert log.contains('write @Migration(..., destructive = true)')
assert !log.contains('Applied db.events') : 'a step was applied'
assert !new File(basedir, '.lake/warehouse/db/events').exists() : 'the refused build created the table'
return true
