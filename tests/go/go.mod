module errcat.dev/tests/go

go 1.19

require errcaterrors v0.0.0

replace errcaterrors => ../../generated/go
