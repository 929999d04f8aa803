; proofs/sum/step_dot.smt2: induction step l -> l+1 (l >= 1) of kernel_logits' inner loop
;   s = s + W[row + l] * h[l];      (src/kernels/kernel_margin.c)
; with p = fl(w*h) (exact product x = w*h) and s2 = fl(s + p). Invariant after l terms:
;   |s - E| <= gamma_l * A + l * 2^-1074,  |E| <= A,
; E = sum_{i<l} w_i h_i (exact), A = sum_{i<l} |w_i h_i|. Expected: unsat.
(set-logic QF_NRA)
(define-fun u () Real (/ 1.0 9007199254740992.0)) ; 2^-53
(define-fun eta () Real (/ 1.0 404804506614621236704990693437834614099113299528284236713802716054860679135990693783920767402874248990374155728633623822779617474771586953734026799881477019843034848553132722728933815484186432682479535356945490137124014966849385397236206711298319112681620113024717539104666829230461005064372655017292012526615415482186989568.0)) ; 2^-1075
(define-fun c () Real (/ 1.0 202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784.0)) ; 2^-1074, the absolute term per element
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
(declare-const s Real)
(declare-const Ex Real)
(declare-const A Real)
(declare-const x Real)
(declare-const p Real)
(declare-const s2 Real)
(assert (<= (absr (- s Ex)) (+ (* G A) (* n c))))
(assert (<= (absr Ex) A))
(assert (rounded p x))
(assert (rounded s2 (+ s p)))
(assert (not (and (<= (absr (- s2 (+ Ex x))) (+ (* G1 (+ A (absr x))) (* (+ n 1.0) c)))
                  (<= (absr (+ Ex x)) (+ A (absr x))))))
(check-sat)
