def lake = evaluate(new File(itSupport))

def log = new File(basedir, 'build.log').text
def generated = []
new File(basedir, 'src/main/java').eachFileRecurse { if (it.name ==~ /V\d{4}_.*\.java/) generated << it.name }
assert generated == ['V0000_CreateUsers.java'] : "only crm.users gets a migration, got ${generated}"
assert !log.contains('crm.legacy') : 'the disabled table was reported or migrated'
def table = lake.metadata(basedir, '.lake/warehouse', 'crm.users')
assert lake.columns(table) == ['id', 'email', 'address']
def address = table.schemas.find { it.'schema-id' == table.'current-schema-id' }.fields.find { it.name == 'address' }
assert address.type.fields.collect { it.name } == ['city']
assert lake.metadata(basedir, '.lake/warehouse', 'crm.legacy') == null
assert log.contains('Lake check: 1 table(s) match their migrations')
return true
