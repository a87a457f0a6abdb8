//! Waypoint's own replies pass Waypoint's own checklist: every built-in template, in each of
//! its phrasings, filled in as an agent would, to a customer of its main scenario (upset where
//! such customers usually are) in the template's language, on both surfaces. A suggestion the
//! checklist then holds back ("Acknowledges how they feel" on our own "thanks for reaching
//! out" to an angry customer) teaches the agent to ignore the checklist.

use super::testutil::Case;
use super::{mood, phrasing, CheckId, Mood, Status};
use crate::core::analysis::{analyze, detect_language};
use crate::core::conversation::{Lang, Site, Surface};
use crate::core::library::{all, Contact};
use crate::core::scenario::Scenario;
use crate::core::template::{Context, FieldKind};

/// A customer's message for `scenario`, in English and in Spanish.
fn customer(scenario: Scenario) -> [&'static str; 2] {
    use Scenario::*;
    match scenario {
        Waiting => [
            "I've been waiting three days for a reply and still nothing. This is ridiculous.",
            "Llevo tres días esperando una respuesta y nada. Es ridículo.",
        ],
        Outage => [
            "Your app has been down all morning, nothing loads. So frustrating.",
            "La app lleva caída toda la mañana y no carga nada. Qué frustración.",
        ],
        Billing => [
            "You charged me twice this month!! I want this sorted.",
            "¡¡Me habéis cobrado dos veces este mes!! Quiero que lo arregléis.",
        ],
        Refund => [
            "I returned the jacket two weeks ago and still no refund. Really annoyed.",
            "Devolví la chaqueta hace dos semanas y sigo sin reembolso. Estoy muy molesta.",
        ],
        OrderLate => [
            "My order was due on Monday and it still hasn't arrived. Really disappointed.",
            "Mi pedido tenía que llegar el lunes y todavía no ha llegado. Qué decepción.",
        ],
        Faulty => [
            "The blender I bought last week already stopped working. Not happy at all.",
            "La batidora que compré la semana pasada ya no funciona. Nada contenta.",
        ],
        Account => [
            "I'm locked out of my account and the reset link doesn't work. So frustrating.",
            "No puedo entrar en mi cuenta y el enlace para restablecer no funciona. Qué frustración.",
        ],
        Complaint => [
            "The staff at your Leeds store were so rude to me today. Awful service.",
            "El personal de vuestra tienda de Sevilla fue muy borde conmigo hoy. Pésimo servicio.",
        ],
        Praise => [
            "Thank you so much, the team at the store were brilliant today!",
            "¡Muchas gracias, el equipo de la tienda fue genial hoy!",
        ],
        HowTo => [
            "How do I change the delivery address on my order?",
            "¿Cómo cambio la dirección de entrega de mi pedido?",
        ],
        Feedback => [
            "It would be great if the app had a dark mode.",
            "Estaría genial que la app tuviera modo oscuro.",
        ],
        Safety => [
            "The charger sparked and burnt my hand. This is dangerous.",
            "El cargador echó chispas y me quemó la mano. Es peligroso.",
        ],
        MoveToDm => [
            "I've sent you a DM with my details.",
            "Os he mandado un mensaje privado con mis datos.",
        ],
        FollowUp => ["Any update on this?", "¿Alguna novedad?"],
    }
}

/// What an agent types into a fill-in, by its id or kind, in `lang`.
fn fill(id: &str, kind: FieldKind, lang: Lang) -> &'static str {
    let es = lang == Lang::Es;
    match (id, kind) {
        ("order_number", _) => "A-10234",
        ("helpline", _) if es => "la línea 024, gratuita y a cualquier hora",
        ("helpline", _) => "Samaritans, on 116 123",
        ("staff", _) if es => "Lucía, de la tienda de Sevilla",
        ("staff", _) => "Priya at the Leeds store",
        ("needed", _) if es => "la fecha del pedido",
        ("needed", _) => "the date of the order",
        ("next_step" | "progress" | "update" | "reason", _) if es => {
            "el equipo ha cambiado la pieza que fallaba"
        }
        ("next_step" | "progress" | "update" | "reason", _) => {
            "the team has replaced the part that failed"
        }
        ("days", _) if es => "3 días",
        ("days", _) => "3 days",
        (_, FieldKind::Time) if es => "las 17:00",
        (_, FieldKind::Time) => "5pm",
        (_, FieldKind::Date) if es => "el viernes 12",
        (_, FieldKind::Date) => "Friday 12 December",
        (_, FieldKind::Number) => "25.00",
        (_, FieldKind::Link) => "https://example.com/help/reset",
        (_, FieldKind::Text) if es => "reinicia la app y vuelve a entrar",
        (_, FieldKind::Text) => "restart the app and sign in again",
    }
}

#[test]
fn every_built_in_reply_passes_the_checklist_for_its_customer() {
    let mut held = Vec::new();
    let mut checked = 0;
    for t in all() {
        let main = t.scenarios[0];
        for (lang, message) in [Lang::En, Lang::Es].into_iter().zip(customer(main)) {
            for (surface, site) in [(Surface::Post, Site::X), (Surface::Dm, Site::Facebook)] {
                let Some(Ok(tpl)) = t.template(lang, surface) else {
                    continue;
                };
                // A reply presupposing our earlier one follows one.
                let brand = "BRAND: Hi Maria, thanks for telling us. We're looking into it now.";
                let texts: Vec<&str> = match t.contact {
                    Contact::After => vec![brand, message],
                    _ => vec![message],
                };
                let mut case = Case::on(site, surface, &texts);
                case.analysis = analyze(&[message]);
                let mut ctx = Context::new(lang);
                ctx.customer = case.conversation.customer.clone();
                ctx.agent_name = Some("Sam Rivera".into());
                ctx.brand_name = Some("Acme".into());
                ctx.site = Some(site);
                ctx.wait_minutes = Some(45);
                for f in tpl.fields() {
                    ctx.fields
                        .insert(f.id.clone(), fill(&f.id, f.kind, lang).into());
                }
                // Every turn of phrasing, as the panel picks it for this customer, and the turn
                // after it reads differently, as it does for a calm customer (the same reply
                // twice in a row reads as pasted).
                let mood = mood(&case.analysis);
                // The customers of problem scenarios here sound upset (their replies must say so).
                if main.is_problem() {
                    assert_eq!(
                        mood,
                        Mood::Upset,
                        "{} {lang:?}: {message:?} reads as upset",
                        t.id
                    );
                }
                let turns = tpl.rotations().into_iter().max().unwrap_or(1) as u64;
                for seed in 0..turns {
                    let draft = tpl
                        .render_with_choices(&ctx, &phrasing(&tpl, &ctx, seed, mood, false))
                        .unwrap();
                    let next = phrasing(&tpl, &ctx, seed + 1, mood, false);
                    if turns > 1 && tpl.render_with_choices(&ctx, &next).unwrap() == draft {
                        held.push(format!(
                            "{} {lang:?} {surface:?}: the same phrasing at turns {seed} and {}",
                            t.id,
                            seed + 1
                        ));
                    }
                    case.draft_lang = detect_language(&draft);
                    checked += 1;
                    for o in &case.report(&draft).outcomes {
                        // No SLA clock here; and the escalation check is about the customer's
                        // words (a safety matter asks the agent to follow their escalation
                        // path, whatever the reply), not about the reply.
                        if matches!(o.status, Status::Fail | Status::Warn)
                            && !matches!(
                                o.id,
                                CheckId::SlaWait | CheckId::ReplyWindow | CheckId::Escalation
                            )
                        {
                            held.push(format!(
                                "{} {lang:?} {surface:?}: {} — {}\n    {draft:?}",
                                t.id,
                                o.id.id(),
                                o.detail
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 200, "the test rendered the library: {checked}");
    assert!(
        held.is_empty(),
        "{} of Waypoint's own replies are held back by its checklist:\n{}",
        held.len(),
        held.join("\n")
    );
}
