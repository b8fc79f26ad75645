# Julia
function square(x)
    x * x
end

println(square(2))
