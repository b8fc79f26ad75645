; Lisp in a .jl file
(defun id (x) x)
(let ((y 1)) y)

(format t "~a" 1)
