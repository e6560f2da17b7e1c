-- Indexes for the customer list's default page (CustomerQueries.list, sort CREATED: newest first,
-- ordered by c.id::text, ties by c.id) and for the per-row count of recently missed follow-ups.
-- Without them a rep's first page sorts all of the rep's customers, a director's all customers,
-- and every listed customer's follow-up history is read from the heap to count MISSED ones.

-- A rep's list: owner, then the list order, walked backwards and stopped after one page.
create index customer_owner_created on customer (owner_id, (id::text), id) where deleted_at is null;

-- Managers' and directors' lists: the list order over all live customers; a manager's team filter
-- is applied while walking it, which stops as soon as a page is full.
create index customer_created on customer ((id::text), id) where deleted_at is null;

-- missed_90 of each listed customer (and of the customer detail): only MISSED rows, with due_at,
-- so the count is answered from the index.
create index follow_up_missed on follow_up (customer_id, due_at) where status = 'MISSED';
