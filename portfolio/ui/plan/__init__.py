"""The Visit plan page: workload, capacity, visits by marginal return, judgements."""
