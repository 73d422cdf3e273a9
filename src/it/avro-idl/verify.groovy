
def lake = evaluate(new File(itSupport))

def table = lake.metadata(basedir, '.lake/warehouse', 'iot.events')
assert table != null : 'no Iceberg table'
def fields = table.schemas.find { it.'schema-id' == table.'current-schema-id' }.fields
def byName = fields.collectEntries { [it.name, it] }
assert fields.collect { it.name } == ['id', 'at', 'device', 'tags', 'counters', 'note']
assert byName.id.required && byName.id.type == 'long'
assert byName.at.type == 'timestamptz'
assert !byName.device.required && byName.device.type.type == 'struct'
assert byName.device.type.fields.collect { it.name } == ['os', 'model']
assert byName.tags.type.type == 'list' && byName.tags.type.'element-required'
assert byName.counters.type.type == 'map' && !byName.counters.type.'value-required'
assert !byName.note.required
def spec = table.'partition-specs'.find { it.'spec-id' == table.'default-spec-id' }
assert spec.fields.collect { it.transform } == ['hour']
return true
