// The templates DevRel Desk ships. They use the marker syntax that `markers.ts` documents:
// `{{variable}}`, `{{tab:N:default}}`, `{{choice:N:a|b}}` and `{{cursor}}`. Markers standing alone
// as a front-matter value are quoted so that each template is valid YAML even before rendering;
// the renderer chooses the quoting the real value needs.
// The blog template has no `date: {{date}}`: `date` counts as the publish date (a deadline), so
// today's date there would make every new idea due at once. Publishing sets `date` when missing.

export interface BuiltinTemplate {
  /** What New Draft… lists it as. */
  name: string;
  description: string;
  /** Template text with its front matter; it has no `template:` block. */
  text: string;
}

export const DEFAULT_TALK_MINUTES = 30;

/**
 * The talk outline's timed sections, as shares of a 30-minute slot. The template reads each
 * section's minutes from a variable, so the outline adds up to whatever duration was asked for.
 */
export const TALK_SECTION_WEIGHTS: readonly { variable: string; weight: number }[] = [
  { variable: 'talk_minutes_intro', weight: 3 },
  { variable: 'talk_minutes_problem', weight: 5 },
  { variable: 'talk_minutes_how', weight: 7 },
  { variable: 'talk_minutes_demo', weight: 8 },
  { variable: 'talk_minutes_lessons', weight: 4 },
  { variable: 'talk_minutes_wrapup', weight: 3 },
];

/**
 * Whole minutes per talk section that add up to exactly `duration`, shared out by the section
 * weights with the largest-remainder rule. A duration that is not a positive whole number of
 * minutes (at most a day) falls back to 30.
 */
export function talkMinuteVariables(duration: number): Record<string, string> {
  const total = Number.isInteger(duration) && duration > 0 && duration <= 1440 ? duration : DEFAULT_TALK_MINUTES;
  const weightSum = TALK_SECTION_WEIGHTS.reduce((sum, section) => sum + section.weight, 0);
  const exact = TALK_SECTION_WEIGHTS.map((section) => (section.weight * total) / weightSum);
  const minutes = exact.map(Math.floor);
  let left = total - minutes.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) {
      break;
    }
    minutes[index] = (minutes[index] ?? 0) + 1;
    left--;
  }
  const variables: Record<string, string> = {};
  TALK_SECTION_WEIGHTS.forEach((section, index) => {
    variables[section.variable] = String(minutes[index] ?? 0);
  });
  return variables;
}

const BLOG = `---
kind: blog
title: '{{title}}'
description: '{{tab:1:One sentence for search results and social cards, under 160 characters}}'
tags: []
status: idea
author: '{{author}}'
publish_date: '{{publish_date}}'
due: '{{due}}'
canonical_url: # set it when cross-posting, so search engines credit the original
cover_image:
---

> **TL;DR:** {{tab:2:The one thing readers should remember, in two sentences.}}

## The hook

{{tab:3:Start with the moment this problem bit you or a customer: the error message, the slow build, the confused question in the forum.}}
Say who this post is for and what they will be able to do by the end of it.

## Background

What the reader needs to know first. Link to the docs instead of re-explaining them, and state
the versions (language, framework, OS) so the post still makes sense in a year.

## Step 1: {{tab:4:Get the smallest example running}}

Every code block should run as pasted. Show the expected output after each command.

## Step 2: {{tab:5:Make it production-ready}}

The part tutorials usually skip: configuration, error handling, tests, cost.

## What can go wrong

The mistakes you made on the way, with the exact error messages, so people searching for them
land here.

## Conclusion

Come back to the TL;DR now that the reader has seen it work. One paragraph, no new ideas.

## Call to action

- Try it: {{tab:6:link to the repository, sandbox or docs}}
- Tell me what you build with it, or where it broke for you
- Next in this series:

## Before publishing

- [ ] Every code sample runs as pasted, against the versions stated
- [ ] Links checked; links to our docs point at the current version
- [ ] Images have alt text, and screenshots are readable on a phone
- [ ] Title under 60 characters, description under 160
- [ ] Cover image set; cross-posts carry the canonical URL of the original
- [ ] Reviewed by a teammate and by someone outside the team
- [ ] Promotion planned: newsletter, social posts, community channels
`;

const TALK = `---
kind: talk
title: '{{title}}'
status: idea
event: '{{event}}'
cfp_deadline: '{{cfp_deadline}}'
event_date: '{{event_date}}'
due: '{{due}}'
duration: '{{duration}}'
audience: '{{tab:1:Backend developers who run services in production}}'
level: '{{choice:2:intermediate|beginner|advanced}}'
tags: []
abstract: >-
  {{tab:3:Start with the problem your audience has today, in their words. Then say what you will show (a live demo, real numbers, lessons from production) and what attendees will be able to do on Monday morning.}}
---

## CFP abstract

The \`abstract\` above is what goes into the CFP form. The budget is 900 characters: reviewers
read hundreds of these, so every sentence has to earn its place. Before submitting:

- [ ] The first sentence names a problem this audience has
- [ ] It says what attendees will be able to do afterwards
- [ ] It mentions the evidence: a live demo, numbers, a production story
- [ ] It is not a product pitch; most CFPs reject those outright
- [ ] Title and abstract promise the same talk
- [ ] Bio and headshot are up to date in the CFP system

## Elevator pitch

{{tab:4:Two sentences, under 300 characters, for the short description on the schedule.}}

## Three takeaways

1. {{tab:5:What they will understand}}
2. {{tab:6:What they will be able to do}}
3. {{tab:7:What they will try first on Monday}}

<!--
The sections below are the talk. Each heading carries its minute budget, and together they fill
the slot. Bullets become slide content; "Speaker note:" comments and "Notes:" paragraphs become
presenter notes. DevRel: Export Slides (Marp), Export Speaker Notes and Start Rehearsal work
from them.
-->

## Intro ({{talk_minutes_intro}} min)

- The story or question you open with
- Why it matters to this room

<!-- Speaker note: open with the story, not with "About me". One slide about yourself, at most. -->

## The problem ({{talk_minutes_problem}} min)

- A real incident, a number, or a quote from a user

<!-- Speaker note: why the status quo hurts, in the audience's words. -->

## How it works ({{talk_minutes_how}} min)

- The idea in three steps

<!-- Speaker note: one diagram beats five slides of bullets. -->

## Live demo ({{talk_minutes_demo}} min)

- What you will show, in one line

Notes: say what you are about to show before you show it.
Follow the demo plan below; after one failed retry, switch to the recording.

## Lessons learned ({{talk_minutes_lessons}} min)

- What surprised you
- Where this approach does not fit

<!-- Speaker note: what you would do differently next time. -->

## Wrap-up and call to action ({{talk_minutes_wrapup}} min)

- The three takeaways, once more
- One short link or QR code to slides, code and resources

<!-- Speaker note: end on the call to action, then thank the organisers. -->

## Demo plan

1. Starting state:
2. Step:
3. Expected result:

Fallback: a recording of every step, stored on the laptop (not streamed), and screenshots in
the slides right after the demo slide. If the demo breaks, switch after one retry.

- [ ] Works offline: dependencies, container images and models pulled in advance
- [ ] Reset script that brings the demo back to its starting state
- [ ] Font size at least 20 pt, theme checked on a projector, notifications off
- [ ] Rehearsed end to end at least twice with DevRel: Start Rehearsal, every section on time

## Speaker notes

- Where you should be at the halfway mark:
- Transitions between sections:
- What to cut if you are running late:

## Q&A preparation

| Likely question | Short answer | Where to point them |
| --- | --- | --- |
| How does this compare to the alternatives? | | |
| Does it hold up in production, at scale? | | |
| What does it cost, and what is the licence? | | |

When you do not know: say so, ask for their contact, and follow up.

## Resources

- Slides:
- Code:
- Docs and further reading:
- Recording:

## Feedback after delivery

- Audience size and who was in the room:
- Ratings or feedback form results:
- Questions asked (add the good ones to the Q&A table):
- What landed, and what to cut next time:
- Hallway conversations and promised follow-ups:

- [ ] Slides and code shared with the organisers and on social media
- [ ] Thank-you note sent to the organisers
- [ ] Abstract updated for the next CFP
`;

const OSS = `---
kind: oss
title: '{{title}}'
status: todo
repository: '{{repository}}'
issue: '{{issue}}'
pr:
due: '{{due}}'
tags: []
---

## Why this contribution

{{tab:1:Why this project and this issue: an integration our users rely on, a bug they hit, a maintainer relationship.}}

## Checklist

- [ ] Find an issue: labelled good first issue or help wanted, unassigned, with no open PR
- [ ] Read CONTRIBUTING and the code of conduct
- [ ] Sign the CLA, or set up DCO sign-off (\`git commit -s\`) if the project uses it
- [ ] Comment on the issue to say you are working on it
- [ ] Set up the dev environment and get the existing tests passing
- [ ] Reproduce the bug, or write down the expected behaviour for a feature
- [ ] Discuss the approach with the maintainers before writing a lot of code
- [ ] Implement the change with tests
- [ ] Update the docs and the changelog, if the project keeps one
- [ ] Run the linters and formatters the way CI runs them
- [ ] Open the PR with a clear description: the problem, the change, how it was tested, and the issue it fixes
- [ ] Respond to review promptly and keep the branch up to date
- [ ] Share what you learned: a post, a thread, or a note for the team

## Notes

- Maintainers and reviewers:
- Build and test commands:
- Gotchas:

## What I learned

`;

const WORKSHOP = `---
kind: workshop
title: '{{title}}'
status: idea
event: '{{event}}'
event_date: '{{event_date}}'
due: '{{due}}'
length: 2 hours
capacity:
level: '{{choice:1:beginner|intermediate|advanced}}'
tags: []
---

## Objectives

By the end, every attendee has:

1. {{tab:2:Built and run a working example on their own laptop}}
2. {{tab:3:Understood when to use this, and when not to}}
3. {{tab:4:A repository to keep experimenting with at home}}

## Prerequisites

Send these a week before and again the day before:

- A laptop they can install software on (many corporate laptops cannot)
- Installed and checked with the setup script: {{tab:5:Git, Node.js 20 or later, Docker}}
- Accounts created in advance, on a free tier that needs no credit card
- The workshop repository cloned and dependencies installed, because venue Wi-Fi will not cope
- Comfortable with:

## Agenda

| Time | Block | Notes |
| --- | --- | --- |
| 0:00–0:10 | Welcome, goals, setup check | Helpers walk the room |
| 0:10–0:25 | Concepts | Slides, 15 minutes at most |
| 0:25–0:55 | Exercise 1 | |
| 0:55–1:05 | Break | |
| 1:05–1:40 | Exercise 2 | |
| 1:40–1:55 | Exercise 3 (stretch goal) | |
| 1:55–2:00 | Wrap-up and feedback form | |

## Exercises

- [ ] Exercise 1: run the starter project and change one thing
- [ ] Exercise 2:
- [ ] Exercise 3 (stretch goal):
- [ ] Solutions on a separate branch, one commit per exercise, so anyone can catch up
- [ ] Every exercise tested from a fresh clone on macOS, Windows and Linux

## Materials

- Repository:
- Slides:
- One-page cheat sheet:
- Setup check script:
- Offline copies of dependencies and container images on USB sticks
- Helpers: one for every 10 to 15 attendees

## Feedback form

1. How would you rate the workshop overall? (1–5)
2. How far did you get in the exercises, and where did you get stuck?
3. Was the pace too slow, about right, or too fast?
4. What one thing should we change?
5. How likely are you to recommend it to a colleague? (0–10)
6. May we contact you about follow-up material? (email, optional)

## Retrospective

`;

const TRIP_REPORT = `---
kind: trip-report
title: '{{title}}'
status: drafting
event: '{{event}}'
event_date: '{{event_date}}'
end_date: '{{end_date}}'
location: '{{tab:1:City and country, or online}}'
due: '{{due}}'
tags: []
---

## Summary

{{tab:2:Three sentences for people who read nothing else: why we went, what we learned, what we should do next.}}

## Talks attended

| Talk | Speaker | Why it matters to us | Link |
| --- | --- | --- | --- |
| | | | |

## Key takeaways

1.
2.
3.

## Conversations and leads

| Who | Company or project | Topic | Next step |
| --- | --- | --- | --- |
| | | | |

Record only what people agreed to share; contact details belong in the CRM, not here.

## Feedback for the product team

Log each request with DevRel: Log Feedback… as well: it joins the Feedback view and the impact report, and its status shows whether the product team followed up.

- Pain points heard, and how often:
- Feature requests:
- Alternatives and competitors people mentioned:
- Quotes (anonymised unless they agreed otherwise):

## Follow-ups

- [ ] Send the links and resources promised in conversations
- [ ] Introduce leads to the right teammates
- [ ] File issues for the product feedback above
- [ ] Share the slides and recordings of our sessions
- [ ] Thank the organisers and the speakers we met
- [ ] Write a post or thread about the event

## Impact

- Our sessions (attendance, ratings):
- Booth and hallway conversations:
- Sign-ups, stars or leads we can attribute to the event:
- Content that came out of it:
- Cost (travel, tickets, sponsorship), and whether to go next year:
`;

const HACKATHON = `---
kind: hackathon
title: '{{title}}'
status: idea
event_date: '{{event_date}}'
end_date: # the last day, for an event over several days
registration_deadline: '{{registration_deadline}}'
due: '{{due}}'
format: '{{format}}'
participants: '{{participants}}'
# Minutes from check-in to awards; the agenda's section budgets add up to it.
duration: 1440
venue: '{{tab:1:Venue and city, or the online platform}}'
tags: []
---

## Summary

- Theme: {{tab:2:What participants build, in one line, e.g. "Ship an app on our API in 24 hours"}}
- Audience: {{tab:3:Students, startup developers, our customers' engineering teams}}
- Format: {{format}}
- Expected participants: {{participants}}, in teams of 2 to 5
- Why we run it: {{tab:4:What we want to learn or achieve: first-time users, feedback on the new SDK, community}}
- Code of conduct: link it here, and name who handles reports on the day

<!--
The agenda below is the day. Each heading carries its minute budget, and together they fill
the front-matter duration, so the status bar and the dashboard show whether the plan fits.
Move minutes between sections rather than adding time nobody has.
-->

## Check-in and breakfast (30 min)

- Badges, Wi-Fi details, code of conduct on every table
- Team-finding board for people who came alone

## Kick-off (30 min)

- Welcome, theme, rules and the judging criteria
- Sponsor challenges, two minutes each
- Where the mentors sit, where the food is, the safety contact

## Hacking (1110 min)

- Meals and a quiet room; a mentor on call through the night
- Submission deadline announced at the start and repeated every few hours

## Check-ins (60 min)

- Mentors visit every team twice: after the first hours, and halfway
- Teams without a working prototype at halfway get a mentor for an hour

## Demos (120 min)

- Three minutes per team, live or recorded; the clock is visible
- The next two teams wait by the stage with their laptops ready

## Judging (60 min)

- Judges score against the criteria below, alone first, then agree

## Awards (30 min)

- Winners per prize and per sponsor challenge, photos, thank-yous

## Planning checklist

### Eight weeks out

- [ ] Venue booked, with power for every seat and a room for quiet work
- [ ] Date fixed, clear of holidays and of the big conferences in the area
- [ ] Sponsors confirmed, each with a challenge, a prize and a mentor
- [ ] Code of conduct published, with a reporting contact
- [ ] Budget agreed: venue, food, prizes, travel, swag

### Four weeks out

- [ ] Registration open, with a waitlist
- [ ] Mentors recruited: one for every 10 participants
- [ ] Challenges written, with starter data or APIs
- [ ] Prizes bought or arranged
- [ ] Judging criteria published, with their weights
- [ ] Accessibility checked: step-free access, captions for talks, a quiet room
- [ ] Dietary needs collected at registration

### The week before

- [ ] Wi-Fi tested with as many devices as participants, and a backup connection
- [ ] API keys and credits ready for every team
- [ ] Starter repository public, tested from a fresh clone
- [ ] Swag delivered
- [ ] Signage printed: directions, Wi-Fi, code of conduct, schedule

### On the day

- [ ] Check-in desk staffed an hour before the doors open
- [ ] Safety contact named and their number on every table
- [ ] Photo consent collected; lanyards mark who does not want to be photographed

### After

- [ ] Winners announced on the channels we promised
- [ ] Feedback survey sent within a day
- [ ] Thank-yous sent to sponsors, mentors, judges and volunteers
- [ ] Retro held, and the projects logged as impact

## Judging criteria

The weights add up to 100.

| Criterion | Weight | What judges look for |
| --- | --- | --- |
| Use of the product | 30 | Goes beyond the quick start |
| Technical execution | 25 | It works, live |
| Originality | 20 | Nobody else thought of it |
| Usefulness | 15 | Someone would use it next week |
| Presentation | 10 | The demo tells a story |

## Sponsor challenges

| Sponsor | Challenge | Prize | Mentor |
| --- | --- | --- | --- |
| | | | |

## Projects

One row per project submitted; DevRel: Log Hackathon Projects counts them as impact.

| Project | Team | Repository | What it used |
| --- | --- | --- | --- |

## Retro

### What worked

-

### What to change

-

### Product feedback heard

- Pain points:
- Feature requests:
`;

// Named by the kinds registry, which is where each kind says which template is its own.
export const BLOG_TEMPLATE: BuiltinTemplate = { name: 'Blog post', description: 'TL;DR, hook, steps, conclusion, call to action and a pre-publishing checklist', text: BLOG };
export const TALK_TEMPLATE: BuiltinTemplate = {
  name: 'Talk outline',
  description: 'CFP abstract, takeaways, timed sections, demo plan with fallback, Q&A and feedback',
  text: TALK,
};
export const OSS_TEMPLATE: BuiltinTemplate = {
  name: 'OSS contribution checklist',
  description: 'From finding a good first issue to a merged PR and sharing what you learned',
  text: OSS,
};
export const WORKSHOP_TEMPLATE: BuiltinTemplate = {
  name: 'Workshop',
  description: 'Objectives, prerequisites, timed agenda, exercises, materials and a feedback form',
  text: WORKSHOP,
};
export const TRIP_REPORT_TEMPLATE: BuiltinTemplate = {
  name: 'Conference trip report',
  description: 'Talks, takeaways, leads, product feedback, follow-ups and impact',
  text: TRIP_REPORT,
};
export const HACKATHON_TEMPLATE: BuiltinTemplate = {
  name: 'Hackathon',
  description: 'Summary, timed agenda, phased planning checklist, judging criteria, projects and a retro',
  text: HACKATHON,
};
