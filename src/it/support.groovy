// Helpers shared by the verify scripts (loaded with evaluate(new File(itSupport))): what Iceberg wrote.
import groovy.json.JsonSlurper

[
  // The latest metadata file of a table below a warehouse directory, parsed; null when there is none.
  metadata: { File basedir, String warehouse, String table ->
    def dir = new File(basedir, warehouse + '/' + table.replace('.', '/') + '/metadata')
    if (!dir.isDirectory()) return null
    def latest = dir.listFiles().findAll { it.name.endsWith('.metadata.json') }.max { it.name }
    return latest == null ? null : new JsonSlurper().parse(latest)
  },
  // The current schema's column names.
  columns: { metadata ->
    metadata.schemas.find { it.'schema-id' == metadata.'current-schema-id' }.fields.collect { it.name }
  },
]
