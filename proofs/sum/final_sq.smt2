; proofs/sum/final_sq.smt2: from the invariant of step_sq.smt2 at l = len (gamma = gamma_len,
; T = len * 2^-1073 >= 0) to the radius of instance_ball_from_kernel_sum_squares:
;   |S - f| <= gamma_len * f + len * 2^-1073.   Expected: unsat.
(set-logic QF_NRA)
(declare-const G Real)
(declare-const T Real)
(declare-const S Real)
(declare-const f Real)
(assert (and (<= 0.0 G) (<= 0.0 T) (<= 0.0 S) (<= 0.0 f)))
(assert (<= S (+ (* (+ 1.0 G) f) T)))
(assert (<= f (+ (* (+ 1.0 G) S) T)))
(assert (not (and (<= (- S f) (+ (* G f) T)) (<= (- f S) (+ (* G f) T)))))
(check-sat)
