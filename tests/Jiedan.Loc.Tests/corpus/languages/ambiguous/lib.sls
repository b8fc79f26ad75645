; Scheme library
(define (square x) (* x x))
(define (cube x) (* x (square x)))

(let ((y 2)) (cube y))
