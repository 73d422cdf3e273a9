
def lake = evaluate(new File(itSupport))

def migration = new File(basedir, 'tables/src/main/java/com/example/tables/migrations/crm/customers/V0000_CreateCustomers.java')
assert migration.isFile() : 'the migration was not written into the module'
assert !new File(basedir, 'src').exists() : 'something was written into the parent'
def table = lake.metadata(new File(basedir, 'tables'), '.lake/warehouse', 'crm.customers')
assert table != null && lake.columns(table) == ['id', 'name', 'email']
return true
