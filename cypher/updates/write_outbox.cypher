// The outbox sender: one OutboxMessage per update (its id derives from the update's, so sending again
// writes nothing new), with the words and address as sent; nothing leaves the machine.
MERGE (m:OutboxMessage {id: $message.id})
ON CREATE SET m.update = $message.update, m.report = $message.report, m.case = $message.case,
              m.to = $message.to, m.channel = $message.channel, m.subject = $message.subject,
              m.body = $message.body, m.created_at = $now, m.sender = 'outbox'
WITH m
MATCH (u:ComplainantUpdate {id: m.update})
MERGE (u)-[:SENT_AS]->(m)
RETURN m.id AS id, m.created_at AS created_at
