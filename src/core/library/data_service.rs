//! Templates for waiting, outages and account trouble.

use super::{Contact, LibTemplate, Texts};
use crate::core::scenario::Scenario::*;

pub(super) const TEMPLATES: &[LibTemplate] = &[
    LibTemplate {
        id: "waiting-thanks-patience",
        scenarios: &[Waiting],
        tags: &["wait", "patience", "delay", "slow", "espera", "paciencia", "demora", "retraso"],
        contact: Contact::Any,
        en: Texts::both(
            "Thanks for waiting, here's what's next",
            "Hi {customer.first_name|there}, [[thank you for your patience|I appreciate you waiting|thanks for bearing with us|I'm sorry for the wait, and thank you for your patience|sorry to keep you waiting, and thanks for bearing with us]]. \
             I'm on this now and will update you here by {?when:When you'll update them:time}. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[thank you for your patience|I appreciate you waiting|thanks for bearing with us]], \
             and I'm sorry it has taken {wait|this long}.\n\n\
             I'm working on this now and I'll message you again by {?when:When you'll update them:time}, \
             even if it's only to tell you where things stand.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Gracias por esperar: próximos pasos",
            "¡Hola, {customer.first_name|qué tal}! [[Gracias por tu paciencia|Gracias por esperar|Te agradezco la espera|Siento la espera y gracias por tu paciencia|Perdona la espera]]. \
             Ya estoy con ello y te cuento algo aquí a más tardar {?when:Cuándo le darás noticias:time}. ^{agent.initials}",
            "¡Hola, {customer.first_name|qué tal}! [[Gracias por tu paciencia|Gracias por esperar|Te agradezco la espera]], \
             y perdona que haya tardado {wait|tanto}.\n\n\
             Ya estoy trabajando en ello y te vuelvo a escribir a más tardar {?when:Cuándo le darás noticias:time}, \
             aunque solo sea para contarte cómo va.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "waiting-sorry-late-reply",
        scenarios: &[Waiting, FollowUp],
        tags: &["late", "slow reply", "ignored", "no answer", "tarde", "sin respuesta", "ignorado"],
        contact: Contact::Any,
        en: Texts::same(
            "Sorry we were slow to reply",
            "[[I'm sorry|I'm really sorry|Apologies]] you waited {wait|so long} for a reply, {customer.first_name|and thank you for staying with us}. \
             That's not the service we want to give. I'm here now and I'll see this through with you. ^{agent.initials}",
        ),
        es: Texts::same(
            "Perdón por tardar en responder",
            "[[Perdona|Lo siento mucho|Te pido disculpas]], {customer.first_name|y gracias por seguir ahí}: has tenido que esperar {wait|demasiado} para recibir respuesta \
             y no es la atención que queremos darte. Ya estoy aquí y me ocupo yo de que quede resuelto. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "waiting-still-on-it",
        scenarios: &[Waiting, FollowUp],
        tags: &["update", "still", "progress", "chasing", "novedades", "seguimos", "avance"],
        contact: Contact::After,
        en: Texts::same(
            "Still on it: progress update",
            "Hi {customer.first_name|there}, [[a quick update|just keeping you posted|I haven't forgotten you|I'm sorry this is taking so long|sorry for the wait]]: {?progress:What has happened so far}. \
             Next update by {?when:When you'll update them:time}. ^{agent.initials}",
        ),
        es: Texts::same(
            "Seguimos en ello: novedades",
            "Hola, {customer.first_name|qué tal}. [[Te cuento cómo va|Te pongo al día|No me olvido de ti|Siento que esté tardando tanto|Perdona la espera]]: {?progress:Qué se ha hecho hasta ahora}. \
             Te escribo de nuevo a más tardar {?when:Cuándo le darás noticias:time}. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "outage-acknowledge",
        scenarios: &[Outage, Waiting],
        tags: &["outage", "down", "not working", "offline", "incident", "caída", "no funciona", "incidencia", "servicio"],
        contact: Contact::Any,
        en: Texts::both(
            "We know it's down",
            "[[You're right|We see it too|It's not just you]], {customer.first_name|and thanks for flagging it}. I'm sorry: {brand.name|our service} isn't working right now. \
             Our engineers are on it; next update by {?when:Time of the next update:time}. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm sorry, you're not alone|thanks for telling us, and I'm sorry|I'm sorry, it's not just you]]: {brand.name|our service} isn't working properly for a number of people right now.\n\n\
             Our engineers are working on it and I'll message you as soon as it's fixed. You don't need to do anything in the meantime.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Sabemos que no funciona",
            "[[Tienes razón|También lo vemos|No te pasa solo a ti]], {customer.first_name|y gracias por avisar}. Lo siento: {brand.name|nuestro servicio} está fallando. \
             Ya estamos en ello; daremos novedades a más tardar {?when:Hora de la próxima actualización:time}. ^{agent.initials}",
            "Hola, {customer.first_name|qué tal}. [[Lo siento, no eres la única persona|Gracias por avisarnos y lo siento|Lo siento, no te pasa solo a ti]]: {brand.name|nuestro servicio} está fallando ahora mismo.\n\n\
             El equipo técnico ya está trabajando en ello y te escribo en cuanto esté resuelto. Mientras tanto no tienes que hacer nada.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "outage-update",
        scenarios: &[Outage],
        tags: &["outage", "update", "progress", "fix", "caída", "actualización", "arreglo"],
        contact: Contact::Any,
        en: Texts::same(
            "Outage: progress update",
            "Hi {customer.first_name|there}, [[an update|here's a quick update|the latest]]: {?progress:What the team has found or done}. [[It isn't fixed yet, I'm sorry|I'm sorry it isn't fixed yet|Sorry, it's not fixed yet]]. \
             Next update by {?when:Time of the next update:time}. ^{agent.initials}",
        ),
        es: Texts::same(
            "Incidencia: cómo vamos",
            "Hola, {customer.first_name|qué tal}. [[Novedades|Te cuento|Lo último]]: {?progress:Qué ha encontrado o hecho el equipo}. [[Todavía no está resuelto, lo siento|Siento que aún no esté resuelto|Lo siento: todavía no está resuelto]]. \
             Próxima actualización a más tardar {?when:Hora de la próxima actualización:time}. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "outage-resolved",
        scenarios: &[Outage, FollowUp],
        tags: &["outage", "fixed", "resolved", "back", "working", "resuelto", "arreglado", "funciona"],
        contact: Contact::Any,
        en: Texts::same(
            "Outage fixed",
            "Hi {customer.first_name|there}, [[good news|it's fixed|we're back]]: {brand.name|the service} is working again. \
             Sorry for the disruption and thank you for your patience. If anything still looks wrong, tell us here. ^{agent.initials}",
        ),
        es: Texts::same(
            "Incidencia resuelta",
            "¡Hola, {customer.first_name|qué tal}! [[Buenas noticias|Ya está resuelto|Por fin]]: {brand.name|el servicio} ya funciona. \
             Perdón por el corte y gracias por la paciencia. Si aún notas algo raro, dínoslo aquí. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "account-locked-out",
        scenarios: &[Account, MoveToDm],
        tags: &["login", "locked", "log in", "sign in", "access", "account", "acceso", "cuenta", "bloqueada", "iniciar sesión"],
        contact: Contact::Any,
        en: Texts::both(
            "Locked out of the account",
            "[[Being locked out is stressful|Not being able to get in is frustrating]], {customer.first_name|I'm sorry}. Could you send us a DM here on {site.name|this app}? \
             I'll help you back in. We will never ask for your password. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[I'm sorry you can't get into your account|being locked out is no fun, I'm sorry|sorry you've been locked out]]; let's fix that.\n\n\
             Could you tell me the email address or username on the account and what you see when you try to log in? \
             Please don't send your password or any code we text you: we'll never ask for them.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "No puedes entrar en tu cuenta",
            "[[Quedarse sin acceso agobia|Es frustrante no poder entrar]], {customer.first_name|lo siento}. ¿Nos escribes por mensaje privado aquí en {site.name|esta app}? \
             Te ayudo a entrar. Nunca te pediremos tu contraseña. ^{agent.initials}",
            "¡Hola, {customer.first_name|qué tal}! [[Siento que no puedas entrar en tu cuenta|Qué agobio quedarse sin acceso, lo siento]]; vamos a solucionarlo.\n\n\
             ¿Me dices el correo o el usuario de la cuenta y qué mensaje te sale al intentar entrar? \
             No me envíes tu contraseña ni los códigos que te lleguen por SMS: nunca te los pediremos.\n\n{agent.first_name}",
        ),
    },
    LibTemplate {
        id: "account-password-reset",
        scenarios: &[Account, HowTo],
        tags: &["password", "reset", "forgot", "contraseña", "restablecer", "olvidé", "recuperar"],
        contact: Contact::Any,
        en: Texts::same(
            "How to reset the password",
            "Hi {customer.first_name|there}, you can set a new password here: {?link:Reset page link:link}. \
             [[The email can take a few minutes; check spam too|Sorry this has been a pain; do check spam too|Sorry about this; the email may be in spam]]. If it doesn't arrive, tell me and I'll help. ^{agent.initials}",
        ),
        es: Texts::same(
            "Cómo cambiar la contraseña",
            "¡Hola, {customer.first_name|qué tal}! Crea una contraseña nueva aquí: {?link:Enlace para restablecer:link}. \
             [[El correo puede tardar unos minutos; mira también en spam|Siento que te esté costando; el correo puede estar en spam|Lo siento; el correo puede tardar, mira en spam]]. Si no llega, dímelo y te ayudo. ^{agent.initials}",
        ),
    },
    LibTemplate {
        id: "account-security-concern",
        scenarios: &[Account, Safety],
        tags: &["hacked", "security", "stolen", "suspicious", "fraud", "hackeado", "seguridad", "robada", "sospechoso", "fraude"],
        contact: Contact::Any,
        en: Texts::both(
            "Account may be compromised",
            "[[Thank you for telling us|Thanks for flagging this]], {customer.first_name|and I'm sorry}: that's worrying. If you still can, change your password now, then DM us and we'll secure your account first. \
             We'll never ask for your password. ^{agent.initials}",
            "Hi {customer.first_name|there}, [[thank you for acting quickly, and I'm sorry you're dealing with this|I'm sorry you're dealing with this, and thank you for telling us so quickly|that's worrying, and I'm sorry. Thank you for acting so quickly]].\n\n\
             I've flagged your account to our security team as urgent. They'll reply to you here, in this chat, by {?when:When security will be in touch:time}. \
             Until then, please change your password if you still can, and don't share any code we send you, with anyone, including us.\n\n{agent.first_name}",
        ),
        es: Texts::both(
            "Posible acceso no autorizado",
            "[[Gracias por avisarnos|Gracias por decírnoslo]], {customer.first_name|y lo siento}: entiendo la preocupación. Si puedes, cambia tu contraseña y escríbenos por privado: protegemos tu cuenta enseguida. \
             Nunca te pediremos tu contraseña. ^{agent.initials}",
            "{customer.first_name|Hola}, [[gracias por actuar rápido y siento que estés pasando por esto|siento que estés pasando por esto, y gracias por avisarnos tan rápido|entiendo tu preocupación y lo siento; gracias por actuar tan rápido]].\n\n\
             He pasado tu caso como urgente al equipo de seguridad, que te responderá aquí, en este chat, a más tardar {?when:Cuándo contactará seguridad:time}. \
             Mientras tanto, cambia tu contraseña si aún puedes y no compartas con nadie (ni con nosotros) los códigos que te enviemos.\n\n{agent.first_name}",
        ),
    },
];
