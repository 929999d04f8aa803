; proofs/sum/gamma.smt2: the recurrences of gamma_n = n u / (1 - n u), u = 2^-53, used by the
; induction steps (step_*.smt2) as hypotheses on G = gamma_n, G1 = gamma_(n+1), for every real
; n in [1, 2^50 - 1] (hence every integer length 1 <= n < 2^50 of a kernel loop).
; Expected: unsat (the negation of the conjunction has no model).
(set-logic QF_NRA)
(define-fun u () Real (/ 1.0 9007199254740992.0))
(declare-const n Real)
(declare-const G Real)
(declare-const G1 Real)
(assert (and (<= 1.0 n) (<= n 1125899906842623.0)))
(assert (= (* G (- 1.0 (* n u))) (* n u)))
(assert (= (* G1 (- 1.0 (* (+ n 1.0) u))) (* (+ n 1.0) u)))
(assert (not (and
  (<= 0.0 G) (<= G G1) (<= G1 (/ 1.0 7.0))
  (<= (* (+ 1.0 u) (+ 1.0 G)) (+ 1.0 G1))       ; forward growth of one step
  (<= (* (+ 1.0 u) (+ 1.0 u)) (+ 1.0 G1))       ; the new term's two roundings (n >= 1)
  (<= 1.0 (* (- 1.0 u) (+ 1.0 G)))              ; 1/(1-u) <= 1 + gamma_n (n >= 1)
  (<= (+ 1.0 G) (* (- 1.0 u) (+ 1.0 G1))))))    ; backward growth of one step
(check-sat)
