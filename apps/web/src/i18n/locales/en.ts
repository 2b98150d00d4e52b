/** Every string the candidate pages show, in English. `es.ts` must have the same keys. */
export const en = {
  common: {
    loading: 'Loading…',
    errorTitle: 'There is a problem',
    titleSuffix: 'Interview',
  },
  link: {
    title: 'Opening your interview',
    opening: 'Opening your interview…',
    notFoundTitle: 'We could not find this interview',
    notFound:
      'Check that you opened the whole link from your invitation e-mail. If it still does not work, ask the person who invited you to send it again.',
    withdrawnTitle: 'This invitation has been withdrawn',
    withdrawn:
      'The employer has withdrawn this invitation, so it can no longer be used. If you think this is a mistake, contact them.',
    failedTitle: 'We could not open your interview',
    retry: 'Try again',
  },
  session: {
    title: 'Open your invitation link',
    missing:
      'To see your interview, open the link in your invitation e-mail again. For your privacy, this page does not remember the link itself.',
  },
  landing: {
    roleAt: '{{role}} at {{company}}',
    greeting: 'Hello {{name}}.',
    nothingTimed: 'Nothing on this page is timed. Read it at your own pace.',
    aboutHeading: 'About this interview',
    deadlineHeading: 'Deadline',
    deadline: 'Complete the interview by {{date}}.',
    yourTimeZone: 'This is in your time zone, {{timeZone}}.',
    employerTimeZone: 'That is {{date}} in {{timeZone}}, the employer’s time zone.',
    expired: 'The deadline for this interview passed on {{date}}. You can still ask for more time below.',
    completed: 'You have completed this interview. Thank you.',
    questionsHeading: 'What to expect',
    questionCount_one: 'There is {{count}} question.',
    questionCount_other: 'There are {{count}} questions.',
    practice:
      'First you can try a practice question, with the same timers, as often as you like. Nobody sees your practice answers.',
    questionLabel: 'Question {{position}}',
    answerType: {
      video: 'Video answer',
      audio: 'Audio-only answer',
      text: 'Written answer',
    },
    thinkNone: 'No thinking time',
    thinkSeconds: '{{duration}} to think',
    thinkUnlimited: 'As long as you need to think',
    answerSeconds: 'Up to {{duration}} to answer',
    answerUntimed: 'No time limit to answer',
    textMaxChars: 'Up to {{count}} characters',
    takes_one: '{{count}} take',
    takes_other: '{{count}} takes',
    startReady: 'You start when you are ready',
    startImmediately: 'Recording starts as soon as the question appears',
    startAuto: 'Recording starts when thinking time ends',
    takesHint:
      'A take is one try at an answer. With more than one, you can record again and keep the one you prefer.',
    accommodationsHeading: 'Your accommodations',
    accommodationsIntro: 'The times and takes above already include:',
    multiplier: '{{factor}} times the usual time',
    untimed: 'No time limits',
    extraTakes_one: '{{count}} extra take for each question',
    extraTakes_other: '{{count}} extra takes for each question',
    answerFormat: {
      audio: 'Audio-only answers instead of video',
      text: 'Written answers instead of video or audio',
    },
    instructionsHeading: 'Instructions from {{company}}',
    tipHeading: 'A tip before you start',
    tip: 'Put the camera at eye level, sit in a quiet room with light in front of you, and close apps that use the internet.',
    privacyHeading: 'Your recordings',
    privacy:
      'Only the hiring team at {{company}} sees your answers. They keep them for as long as their retention policy allows.',
    // <contact> wraps the e-mail address in a mailto link (a tag name that is not an HTML void element).
    privacyContact:
      'To ask for a copy of your data or for its deletion, write to <contact>{{email}}</contact>.',
    helpHeading: 'Technical trouble?',
    help: 'If something does not work, write to <contact>{{email}}</contact> and say what happened.',
    helpNoContact: 'If something does not work, reply to your invitation e-mail and say what happened.',
    continue: 'Continue',
    continueHint: 'Next you will see what you agree to, then check your camera and microphone.',
    continueExpired: 'You can continue once the deadline has been extended.',
    continueCompleted: 'There is nothing more to do.',
  },
  requests: {
    heading: 'Need more time or an accommodation?',
    intro:
      'Ask before you start. The employer answers by e-mail. People who review your answers never see your reason.',
    extensionHeading: 'More time',
    daysLabel: 'How many more days do you need?',
    days_one: '{{count}} day',
    days_other: '{{count}} days',
    reasonLabel: 'Reason (optional)',
    reasonHint: 'Only the employer sees this.',
    submitExtension: 'Ask for more time',
    accommodationHeading: 'An accommodation',
    accommodationIntro:
      'For example, more time for each question, more takes, or answering by audio or in writing instead of on video.',
    timeLabel: 'Time for each question',
    timeOptions: {
      usual: 'The usual time',
      x1_5: '1.5 times as long',
      x2: 'Twice as long',
      x3: 'Three times as long',
      untimed: 'No time limits',
    },
    extraTakesLabel: 'Extra takes for each question',
    extraTakesNone: 'No extra takes',
    formatLabel: 'How you answer',
    formatOptions: {
      asSet: 'As the employer set it',
      audio: 'Audio only, without camera',
      text: 'In writing',
    },
    submitAccommodation: 'Ask for this accommodation',
    chooseOne: 'Choose at least one change.',
    reasonTooLong: 'Keep the reason under 1000 characters.',
    pendingExtension_one: 'You asked for {{count}} more day on {{date}}. The employer has not answered yet.',
    pendingExtension_other:
      'You asked for {{count}} more days on {{date}}. The employer has not answered yet.',
    pendingAccommodation: 'You asked for an accommodation on {{date}}. The employer has not answered yet.',
    approved: 'Done. Your new deadline is {{date}}.',
    sent: 'Your request has been sent. You will get an e-mail when the employer answers.',
  },
  consent: {
    title: 'Recording and your consent',
    intro: 'Before the questions, read how your answers are recorded and used. Nothing here is timed.',
    noticeHeading: 'How your answers are recorded and used',
    checkbox: 'I agree to be recorded for this interview',
    required: 'Tick the box to agree to being recorded, or go back if you do not want to continue.',
    submit: 'I agree, continue',
    saving: 'Saving…',
    alreadyAgreed: 'You have already agreed to this notice. You can continue.',
    changed: 'The notice changed while this page was open. Read the new text above, then agree again.',
    back: 'Back to the interview details',
  },
  deviceCheck: {
    title: 'Check your camera and microphone',
    advice: 'Camera at eye level, a quiet room, close apps that use the internet.',
    starting: 'Starting your camera and microphone…',
    working: 'Your camera and microphone are working.',
    cameraHeading: 'Camera',
    previewLabel: 'Your camera preview',
    camera: 'Camera',
    microphoneHeading: 'Microphone',
    microphoneHint: 'Say a few words. The bar moves when your microphone hears you.',
    microphoneLevel: 'Microphone level',
    microphone: 'Microphone',
    tryAgain: 'Try again',
    continue: 'Continue',
    continueHint: 'Continue becomes available once your camera and microphone work.',
    problems: {
      blocked: {
        title: 'Your browser is blocking the camera or microphone',
        advice:
          'Select the camera or lock icon next to the web address, set Camera and Microphone to Allow for this site, then select Try again. On a phone, also check that your browser may use the camera in the phone’s settings.',
      },
      noDevice: {
        title: 'We could not find a camera or microphone',
        advice:
          'Connect a camera and microphone, or switch to a device that has them (most phones and laptops do), then select Try again.',
      },
      inUse: {
        title: 'Your camera is being used by another app',
        advice:
          'Close other apps or browser tabs that use the camera, such as video calls, then select Try again. Restarting the browser can help.',
      },
      unsupported: {
        title: 'This browser cannot record the interview',
        advice:
          'Open your invitation link in a current version of Chrome, Edge, Firefox or Safari. Private or incognito windows may not work either.',
      },
      unknown: {
        title: 'Your camera or microphone did not start',
        advice: 'Check that they are connected and not used by another app, then select Try again.',
      },
    },
    speed: {
      heading: 'Upload speed',
      measuring: 'Measuring your upload speed…',
      result: 'Upload speed: {{speed}} Mbit/s',
      enough: 'That is enough for video answers.',
      notEnough:
        'That is slower than the 1 Mbit/s video answers need. Move closer to your Wi-Fi router or close apps that use the internet. Your answers are kept on this device until they are uploaded, so nothing is lost, but saving can take longer.',
      failed: 'We could not measure your upload speed. Check your connection, then measure again.',
      again: 'Measure again',
    },
  },
  duration: {
    seconds_one: '{{count}} second',
    seconds_other: '{{count}} seconds',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
    minutesSeconds: '{{minutes}} {{seconds}}',
  },
  errors: {
    invitation_not_found:
      'We could not find this interview. Check that you opened the whole link from your invitation e-mail.',
    invitation_withdrawn: 'The employer has withdrawn this invitation.',
    invitation_completed: 'You have already completed this interview.',
    candidate_session_invalid: 'Open the link from your invitation e-mail again to continue.',
    request_pending: 'You already have a request of this kind waiting for an answer.',
    rate_limited: 'Too many tries in a short time. Wait a minute, then try again.',
    network_error: 'We could not reach the server. Check your connection and try again.',
    csrf_failed: 'Reload the page and try again.',
    validation_failed: 'Some details need fixing.',
    generic: 'Something went wrong on our side. Try again in a moment.',
  },
};

/** The shape both languages share: the same keys, any text. */
export type CandidateMessages = DeepStrings<typeof en>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
