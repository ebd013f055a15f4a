"""The Vietnamese catalogue (the default), one module per reader: who reads a text decides
where it lives, so a reader's register is kept in one place."""
