// The planted corpus: HR-bot messages in five languages, each with zero to three planted values
// (whose exact positions are recorded) and near-misses that must stay.
import type { CountryCode } from 'libphonenumber-js/max';
import { Random } from '../../src/demo/random.js';
import type { EntityType } from '../../src/redaction/entities.js';
import { checksummed, email, iban, ipAddress, nationalId, nearMiss, paymentCard, phone } from './values.js';

export interface Planted {
  type: EntityType;
  start: number;
  end: number;
}

export interface CorpusMessage {
  text: string;
  language: string;
  country: CountryCode | null;
  planted: Planted[];
  nearMisses: number;
}

// Sentences with a slot for a value; {} is where it goes.
const TEMPLATES: Record<string, Record<EntityType, string[]>> = {
  en: {
    email: ['You can reach me at {}.', 'Please send the form to {} before Friday', 'my work mail is {}'],
    phone: ['Call me on {} after 5 pm.', 'My phone number changed to {}', 'reach me at {}, thanks'],
    iban: ['My salary should go to {} from now on.', 'New bank account: {}', 'IBAN {} please update payroll'],
    payment_card: ['I paid the course with my card {}, can I get a refund?', 'card number {} was charged twice'],
    national_id: ['My National Insurance number is {}.', 'SSN {} for the tax form', 'here is my id {}'],
    ip_address: ['The VPN says my address is {}', 'I cannot log in from {}, is it blocked?'],
  },
  nl: {
    email: ['Je kunt me mailen op {}.', 'Stuur het formulier naar {} aub', 'mijn mailadres is {}'],
    phone: ['Bel me op {} na vijven.', 'Mijn nieuwe nummer is {}', 'bereikbaar op {}'],
    iban: ['Mijn salaris moet naar {} vanaf volgende maand.', 'Nieuw rekeningnummer: {}', 'IBAN {} graag aanpassen'],
    payment_card: ['Ik heb met mijn creditcard {} betaald, krijg ik het terug?', 'kaartnummer {} is dubbel afgeschreven'],
    national_id: ['Mijn BSN is {}.', 'burgerservicenummer {} voor de loonheffing', 'hier mijn BSN: {}'],
    ip_address: ['De VPN zegt dat mijn adres {} is', 'Inloggen vanaf {} lukt niet'],
  },
  de: {
    email: ['Sie erreichen mich unter {}.', 'Bitte das Formular an {} schicken', 'meine Mail ist {}'],
    phone: ['Rufen Sie mich unter {} an.', 'Meine neue Nummer ist {}', 'erreichbar unter {}'],
    iban: ['Mein Gehalt bitte ab sofort auf {} überweisen.', 'Neue Bankverbindung: {}', 'IBAN {} bitte ändern'],
    payment_card: ['Ich habe mit der Karte {} bezahlt, bekomme ich das Geld zurück?', 'Kartennummer {} wurde doppelt belastet'],
    national_id: ['Meine Steuer-ID ist {}.', 'Steueridentifikationsnummer {} für die Lohnabrechnung', 'hier meine IdNr: {}'],
    ip_address: ['Das VPN zeigt die Adresse {}', 'Anmeldung von {} geht nicht'],
  },
  fr: {
    email: ['Vous pouvez m\'écrire à {}.', 'Envoyez le formulaire à {} svp', 'mon adresse est {}'],
    phone: ['Appelez-moi au {} après 17 h.', 'Mon nouveau numéro est le {}', 'joignable au {}'],
    iban: ['Mon salaire doit être versé sur {} désormais.', 'Nouveau RIB : {}', 'IBAN {} à mettre à jour'],
    payment_card: ['J\'ai payé avec ma carte {}, puis-je être remboursé ?', 'la carte {} a été débitée deux fois'],
    national_id: ['Mon numéro est {}.', 'identifiant {} pour la paie', 'voici mon numéro : {}'],
    ip_address: ['Le VPN indique l\'adresse {}', 'Connexion impossible depuis {}'],
  },
  es: {
    email: ['Puedes escribirme a {}.', 'Envía el formulario a {} por favor', 'mi correo es {}'],
    phone: ['Llámame al {} después de las 5.', 'Mi nuevo número es {}', 'localizable en el {}'],
    iban: ['Mi nómina debe ir a {} a partir de ahora.', 'Nueva cuenta: {}', 'IBAN {} por favor actualizar'],
    payment_card: ['Pagué con mi tarjeta {}, ¿me lo devuelven?', 'la tarjeta {} se cobró dos veces'],
    national_id: ['Mi número es {}.', 'identificación {} para la nómina', 'aquí mi número: {}'],
    ip_address: ['La VPN dice que mi dirección es {}', 'No puedo entrar desde {}'],
  },
};

const FILLER: Record<string, string[]> = {
  en: ['How many vacation days do I have left?', 'When is the next payday?', 'I was sick on {nm}, how do I report it?', 'Ticket {nm} is still open.'],
  nl: ['Hoeveel vakantiedagen heb ik nog?', 'Wanneer wordt het salaris betaald?', 'Ik was ziek op {nm}, hoe meld ik dat?', 'Ticket {nm} staat nog open.'],
  de: ['Wie viele Urlaubstage habe ich noch?', 'Wann kommt das Gehalt?', 'Ich war am {nm} krank, wie melde ich das?', 'Vorgang {nm} ist noch offen.'],
  fr: ['Combien de jours de congé me reste-t-il ?', 'Quand est versé le salaire ?', 'J\'étais malade le {nm}, comment le déclarer ?', 'Le dossier {nm} est toujours ouvert.'],
  es: ['¿Cuántos días de vacaciones me quedan?', '¿Cuándo se paga la nómina?', 'Estuve enfermo el {nm}, ¿cómo lo notifico?', 'El caso {nm} sigue abierto.'],
};

const COUNTRY: Record<string, CountryCode> = { en: 'GB', nl: 'NL', de: 'DE', fr: 'FR', es: 'ES' };
const TYPES: EntityType[] = ['email', 'phone', 'iban', 'payment_card', 'national_id', 'ip_address'];

function value(r: Random, type: EntityType, language: string, country: CountryCode): string {
  switch (type) {
    case 'email': return email(r);
    // Mostly a number of the chat's country; sometimes a foreign one, written as people give a
    // foreign number: with its +prefix.
    case 'phone': return r.chance(0.8) ? phone(r, country) : phone(r, r.pick(['NL', 'DE', 'FR', 'ES', 'GB', 'US'] as CountryCode[]), true);
    case 'iban': return iban(r);
    case 'payment_card': return paymentCard(r);
    case 'national_id': return nationalId(r, language);
    case 'ip_address': return ipAddress(r);
  }
}

export function buildCorpus(seed: number, size: number): CorpusMessage[] {
  const r = new Random(seed);
  const messages: CorpusMessage[] = [];
  for (let i = 0; i < size; i++) {
    const language = r.pick(Object.keys(TEMPLATES));
    // Most chats say which country the user is in; some do not (the language then guides phones).
    const country = r.chance(0.8) ? COUNTRY[language] : null;
    let text = '';
    const planted: Planted[] = [];
    let nearMisses = 0;
    for (let s = r.int(1, 3); s > 0; s--) {
      if (text) text += ' ';
      if (r.chance(0.6)) {
        const type = r.pick(TYPES);
        const [before, after] = r.pick(TEMPLATES[language][type]).split('{}');
        const v = value(r, type, language, country ?? COUNTRY[language]);
        planted.push({ type, start: text.length + before.length, end: text.length + before.length + v.length });
        text += before + v + after;
      } else {
        const filler = r.pick(FILLER[language]);
        if (filler.includes('{nm}')) nearMisses++;
        text += filler.replace('{nm}', () => nearMiss(r, r.chance(0.5) ? () => checksummed(r) : null));
      }
    }
    messages.push({ text, language, country, planted, nearMisses });
  }
  return messages;
}
