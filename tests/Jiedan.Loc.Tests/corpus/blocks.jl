#= outer #= nested =# still comment =#
x = "#= not a comment"
# comment
"""
docstring
"""
f(x) = x
