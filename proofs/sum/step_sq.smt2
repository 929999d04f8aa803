; proofs/sum/step_sq.smt2: induction step l -> l+1 (l >= 1) of kernel_frobenius2's loop
;   s = s + x[i] * x[i];      (src/kernels/kernel_frobenius.c)
; with y = x_i^2 (exact), p = fl(y), f2 = fl(f + p); f, p >= 0 (proofs/gappa/first_step.g).
; Two-sided invariant after l terms, S = sum_{i<l} x_i^2 (exact), f the double s:
;   (up) S <= (1 + gamma_l) f + l * 2^-1073,   (lo) f <= (1 + gamma_l) S + l * 2^-1073.
; Expected: unsat.
(set-logic QF_NRA)
(define-fun u () Real (/ 1.0 9007199254740992.0)) ; 2^-53
(define-fun eta () Real (/ 1.0 404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989568.0)) ; 2^-1075
(define-fun c () Real (/ 1.0 101201126653655309176247673359458653524778324882071059178450679013715169783997673445980191850718562247593538932158405955694904368692896738433506699970369254960758712138283180682233453871046608170619883839236372534281003741712346349309051677824579778170405028256179384776166707307615251266093163754323003131653853870546747392.0)) ; 2^-1073, the absolute term per element
(define-fun lim () Real (/ 1.0 22471164185778948846616314884862809170224712236778832159178760144716584475687620391588559665300942002640014234983924169707348721101802077811605928829934265547220986678108185659537777450155761764931635369010625721104768835292807860184239138817603404645418813835573287279993405742309964538104419541203028017152.0)) ; 2^-1021, where the Gappa scripts switch from relative to absolute
(define-fun absr ((a Real)) Real (ite (>= a 0.0) a (- a)))
; one rounding r of the exact value v, as proved by Gappa (mul_step.g / add_step.g, add_small.g)
(define-fun rounded ((r Real) (v Real)) Bool
  (and (=> (>= (absr v) lim) (<= (absr (- r v)) (* u (absr v))))
       (=> (<= (absr v) lim) (<= (absr (- r v)) eta))))
; G = gamma_n, G1 = gamma_(n+1), 1 <= n <= 2^50 - 1: the facts proved in gamma.smt2
(declare-const n Real)
(declare-const G Real)
(declare-const G1 Real)
(assert (and (<= 1.0 n) (<= n 1125899906842623.0)))
(assert (and (<= 0.0 G) (<= G G1) (<= G1 (/ 1.0 7.0))
  (<= (* (+ 1.0 u) (+ 1.0 G)) (+ 1.0 G1)) (<= (* (+ 1.0 u) (+ 1.0 u)) (+ 1.0 G1))
  (<= 1.0 (* (- 1.0 u) (+ 1.0 G))) (<= (+ 1.0 G) (* (- 1.0 u) (+ 1.0 G1)))))
(declare-const S Real)
(declare-const f Real)
(declare-const y Real)
(declare-const p Real)
(declare-const f2 Real)
(assert (and (<= 0.0 S) (<= 0.0 f) (<= 0.0 y) (<= 0.0 p) (<= 0.0 f2)))
(assert (<= S (+ (* (+ 1.0 G) f) (* n c))))
(assert (<= f (+ (* (+ 1.0 G) S) (* n c))))
(assert (rounded p y))
(assert (rounded f2 (+ f p)))
(assert (not (and (<= (+ S y) (+ (* (+ 1.0 G1) f2) (* (+ n 1.0) c)))
                  (<= f2 (+ (* (+ 1.0 G1) (+ S y)) (* (+ n 1.0) c))))))
(check-sat)
