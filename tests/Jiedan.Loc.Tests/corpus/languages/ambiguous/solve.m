function x = solve(a, b)
% MATLAB: solves a*x = b
x = a \ b;

m = [1 2; 3 4];
% done
end
