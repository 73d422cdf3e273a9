
def log = new File(basedir, 'build.log').text
assert log =~ /Event\.java:\[8,10\] Unsupported type for column payload: java\.lang\.Object/
assert !log.contains('at dev.lake') : 'a stack trace reached the user'
return true
