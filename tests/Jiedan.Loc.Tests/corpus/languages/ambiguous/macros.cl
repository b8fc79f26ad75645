; Lisp
(defun square (x)
  (* x x))

(let ((y 2)) (format t "~a" (square y)))
