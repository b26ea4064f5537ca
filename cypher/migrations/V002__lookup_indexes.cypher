// Indexes for the filters that forces and analysts use most.
CREATE INDEX report_received_at IF NOT EXISTS FOR (n:Report) ON (n.received_at);
CREATE INDEX report_source_reference IF NOT EXISTS FOR (n:Report) ON (n.source, n.reference);
CREATE INDEX account_handle IF NOT EXISTS FOR (n:Account) ON (n.handle);
CREATE INDEX case_status IF NOT EXISTS FOR (n:Case) ON (n.status);
CREATE INDEX identifier_value IF NOT EXISTS FOR (n:Identifier) ON (n.value);
