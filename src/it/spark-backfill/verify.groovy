def log = new File(basedir, 'build.log').text
// The dry run prints each data statement and runs nothing.
assert log.contains('Would apply shop.orders step 1 (seed orders):')
assert log.contains('  SQL: INSERT INTO {table} VALUES (1, 1.5), (2, 20.25), (3, NULL)')
assert log.contains('  add column amount_cents bigint') || log.contains('  add column amount_cents')
assert log.contains('  SQL: UPDATE {table} SET amount_cents = CAST(round(amount * 100) AS BIGINT) WHERE amount IS NOT NULL')
assert log.contains('  Spark code: com.example.migrations.V0003_Band.apply(SparkMigrationContext)')
// Each data step says what its data work wrote.
assert log =~ /Applied shop\.orders step 1 \(seed orders\) in \d+ ms, with its data: 3 rows written/
assert log =~ /Applied shop\.orders step 2 \(amounts in cents\) in \d+ ms, with its data: \d+ rows written/
assert log =~ /Applied shop\.orders step 3 \(amount band\) in \d+ ms, with its data: \d+ rows written/
assert log.contains("no problem")
// lake:check replays the schema of every step, data steps included, and runs no data work.
assert log.contains('Lake check: 1 table(s) match their migrations')
// The rows, read back from main without Spark.
assert log.contains('Read back: 1 1.5 150 low')
assert log.contains('Read back: 2 20.25 2025 high')
assert log.contains('Read back: 3 null null null')
assert log.contains('Branches: [main]')
assert log.contains('Unknown option lake.spark.mastr')
return true
