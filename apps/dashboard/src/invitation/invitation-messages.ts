import { featureMessages } from '../i18n/feature-messages';

export const invitationMessages = featureMessages(
  {
    'invitation.title': 'Accept an invitation',
    'invitation.checking': 'Checking your invitation…',
    'invitation.checkFailed': 'The invitation could not be checked.',
    'invitation.noToken.title': 'This link is incomplete',
    'invitation.noToken.body':
      'Open the link from the invitation e-mail again, in full. If that does not help, ask the institution admin who invited you for a new invitation.',
    'invitation.invalid.title': 'This invitation link no longer works',
    'invitation.invalid.body':
      'It has expired, has been used already, or was replaced by a newer invitation or withdrawn. Ask the institution admin who invited you to send a new invitation.',
    'invitation.details': 'The invitation',
    'invitation.institution': 'Institution',
    'invitation.role': 'Role',
    'invitation.email': 'E-mail address',
    'invitation.new.intro': 'Choose your name and a password for your new Klik account.',
    'invitation.displayName': 'Your name',
    'invitation.displayNameHint': 'As your colleagues will see it.',
    'invitation.newPassword': 'Password',
    'invitation.passwordHint': 'At least 12 characters. A sentence of a few words is easy to remember.',
    'invitation.repeatPassword': 'Repeat password',
    'invitation.new.submit': 'Create account and join',
    'invitation.existing.intro':
      'You already have a Klik account with this address. Enter its password to add {institution} to it.',
    'invitation.currentPassword': 'Password of your account',
    'invitation.existing.submit': 'Join {institution}',
    'invitation.submitting': 'Joining…',
    'invitation.nameRequired': 'Fill in your name.',
    'invitation.tooShort': 'Use at least 12 characters.',
    'invitation.mismatch': 'The two passwords are not the same.',
    'invitation.wrongPassword':
      'That is not the password of this account, or the account is locked for a while after too many attempts.',
    'invitation.done.title': 'You have joined {institution}',
    'invitation.done.signIn': 'Sign in with {email} and your password.',
    'invitation.done.signInLink': 'Sign in',
    'invitation.done.signedIn':
      'Your account now includes {institution}; choose it in the header to work there.',
    'invitation.done.studiesLink': 'Go to your studies',
    'invitation.done.otherAccount':
      'You are signed in as {name}. Sign out and sign in with {email} to work in {institution}.',
  },
  {
    'invitation.title': 'Uitnodiging accepteren',
    'invitation.checking': 'Je uitnodiging wordt gecontroleerd…',
    'invitation.checkFailed': 'De uitnodiging kon niet worden gecontroleerd.',
    'invitation.noToken.title': 'Deze link is niet volledig',
    'invitation.noToken.body':
      'Open de link uit de uitnodigingsmail opnieuw, en dan helemaal. Helpt dat niet, vraag dan de instellingsbeheerder die je heeft uitgenodigd om een nieuwe uitnodiging.',
    'invitation.invalid.title': 'Deze uitnodigingslink werkt niet meer',
    'invitation.invalid.body':
      'Hij is verlopen, al gebruikt, vervangen door een nieuwere uitnodiging of ingetrokken. Vraag de instellingsbeheerder die je heeft uitgenodigd om een nieuwe uitnodiging te sturen.',
    'invitation.details': 'De uitnodiging',
    'invitation.institution': 'Instelling',
    'invitation.role': 'Rol',
    'invitation.email': 'E-mailadres',
    'invitation.new.intro': 'Kies je naam en een wachtwoord voor je nieuwe Klik-account.',
    'invitation.displayName': 'Je naam',
    'invitation.displayNameHint': 'Zoals je collega’s hem zien.',
    'invitation.newPassword': 'Wachtwoord',
    'invitation.passwordHint': 'Minstens 12 tekens. Een zin van een paar woorden onthoud je makkelijk.',
    'invitation.repeatPassword': 'Herhaal het wachtwoord',
    'invitation.new.submit': 'Account maken en lid worden',
    'invitation.existing.intro':
      'Je hebt al een Klik-account met dit adres. Vul het wachtwoord van dat account in om {institution} eraan toe te voegen.',
    'invitation.currentPassword': 'Wachtwoord van je account',
    'invitation.existing.submit': 'Lid worden van {institution}',
    'invitation.submitting': 'Bezig met aanmelden…',
    'invitation.nameRequired': 'Vul je naam in.',
    'invitation.tooShort': 'Gebruik minstens 12 tekens.',
    'invitation.mismatch': 'De twee wachtwoorden zijn niet gelijk.',
    'invitation.wrongPassword':
      'Dat is niet het wachtwoord van dit account, of het account is na te veel pogingen een tijdje geblokkeerd.',
    'invitation.done.title': 'Je bent nu lid van {institution}',
    'invitation.done.signIn': 'Log in met {email} en je wachtwoord.',
    'invitation.done.signInLink': 'Inloggen',
    'invitation.done.signedIn':
      'Je account hoort nu ook bij {institution}; kies de instelling bovenaan de pagina om er te werken.',
    'invitation.done.studiesLink': 'Naar je onderzoeken',
    'invitation.done.otherAccount':
      'Je bent ingelogd als {name}. Log uit en log in met {email} om bij {institution} te werken.',
  },
);
