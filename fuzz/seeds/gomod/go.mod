module example.com/goshop // the shop

go 1.22.1

toolchain go1.22.3

require (
	github.com/a/b v1.2.3
	golang.org/x/text v0.14.0 // indirect
)

replace github.com/a/b => ../b
