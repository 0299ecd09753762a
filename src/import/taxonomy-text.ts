/**
 * The project's own words and colours for the taxonomy: short definitions written for Lineage
 * Atlas (not taken from any source) and colour-blind-safe palettes (Okabe & Ito 2008; Paul Tol's
 * qualitative schemes, https://personal.sron.nl/~pault/).
 */
import type { Family, Task } from '../model/paper';

export const PALETTES = {
  okabeIto: 'Okabe–Ito',
  task: 'Paul Tol muted, extended with Tol light',
  space: 'Paul Tol bright, extended with Tol vibrant',
  method: 'Paul Tol muted',
  scheme: 'Paul Tol light, extended with Tol vibrant',
  list: 'Paul Tol muted, extended with Tol light',
} as const;

/** Neutral grey for "no label": Tol's grey, not used by any category below. */
export const UNKNOWN_COLOR = '#bbbbbb';

const TOL_MUTED = [
  '#332288',
  '#88ccee',
  '#44aa99',
  '#117733',
  '#999933',
  '#ddcc77',
  '#cc6677',
  '#882255',
  '#aa4499',
];
const TOL_LIGHT = ['#77aadd', '#99ddff', '#44bb99', '#bbcc33', '#aaaa00', '#eedd88', '#ee8866', '#ffaabb'];
const TOL_BRIGHT = ['#4477aa', '#ee6677', '#228833', '#ccbb44', '#66ccee', '#aa3377'];
const TOL_VIBRANT = ['#0077bb', '#cc3311', '#009988', '#ee3377', '#ee7733', '#33bbee'];

/** Colour sequences per dimension; categories take them in legend order. */
export const PALETTE_COLORS = {
  task: [...TOL_MUTED, '#ee8866', '#77aadd', '#bbcc33', '#ffaabb'],
  space: [...TOL_BRIGHT, ...TOL_VIBRANT],
  method: [...TOL_MUTED, ...TOL_LIGHT],
  scheme: [...TOL_LIGHT, ...TOL_VIBRANT],
  /** The headings of a list imported as a new dataset (import:list); repeats past 17 categories. */
  list: [...TOL_MUTED, ...TOL_LIGHT],
  /** Okabe–Ito without black: the families of a list imported as a new dataset. */
  okabeIto: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'],
} as const;

export const FAMILY_CATEGORIES: Record<Family, { label: string; color: string; definition: string }> = {
  diffusion: {
    label: 'Diffusion',
    color: '#0072b2',
    definition: 'Methods built on text-to-image diffusion (or flow) models.',
  },
  gan: {
    label: 'GAN',
    color: '#e69f00',
    definition: 'Methods built on generative adversarial networks, mostly StyleGAN.',
  },
  ar: {
    label: 'Autoregressive',
    color: '#009e73',
    definition: 'Methods built on multimodal autoregressive models that emit image tokens.',
  },
  survey: {
    label: 'Survey',
    color: '#cc79a7',
    definition: 'Overviews of the field rather than new methods.',
  },
};

export const TASK_CATEGORIES: Record<Task, { label: string; definition: string }> = {
  subject: { label: 'Subject', definition: 'Put a given object or pet into new scenes.' },
  face: { label: 'Face', definition: 'Keep a given person recognisable in new images.' },
  character: {
    label: 'Character',
    definition: 'Keep a character consistent across several images or a story.',
  },
  style: { label: 'Style', definition: 'Render new content in the look of reference images.' },
  semantics: {
    label: 'High-level semantics',
    definition: 'Transfer abstract relations, poses or actions rather than appearance.',
  },
  'multi-concept': {
    label: 'Multiple concepts',
    definition: 'Combine several personal concepts in one image.',
  },
  video: { label: 'Video', definition: 'Personalize video generation.' },
  '3d': { label: '3D', definition: 'Personalize 3D or 4D asset generation.' },
  'text-editing': { label: 'Text-driven editing', definition: 'Change a given image as a new prompt says.' },
  'ar-personalization': {
    label: 'AR personalization',
    definition: 'Personalization with autoregressive multimodal models.',
  },
  'gan-inversion': {
    label: 'GAN inversion',
    definition: 'Find the generator input that reproduces a given image.',
  },
  'latent-editing': { label: 'Latent editing', definition: 'Edit an image by moving its GAN code.' },
  survey: { label: 'Survey', definition: 'Related surveys.' },
};

/** Our definitions of the survey's categories and sub-spaces, keyed by category id (sub-spaces: "parent/child"). */
export const CATEGORY_DEFINITIONS: Readonly<Record<string, string>> = {
  'gan.style': 'The concept is stored as a latent code of the generator or a reparameterisation of it.',
  'gan.style/Z': 'The Gaussian vector the generator samples from.',
  'gan.style/Z+': 'One input vector per generator layer.',
  'gan.style/W': 'The output of the mapping network, shared by all layers.',
  'gan.style/W+': 'A separate mapped vector for every layer.',
  'gan.style/S': 'Per-channel style parameters derived from W.',
  'gan.feature': 'The concept is stored in intermediate feature maps of the generator.',
  'gan.parameter': 'The generator weights themselves are tuned to the concept.',
  'gan.optimization': 'The code is found by iterative optimisation per image.',
  'gan.learning': 'An encoder predicts the code in one pass.',
  'gan.hybrid': 'An encoder gives a start that optimisation refines.',
  'gan.latent-navigation': 'Edits follow directions or paths through the latent space.',
  'gan.text-driven-editing': 'Edits are steered by text, usually through CLIP.',
  'dm.noise': 'The concept is stored in the noise the sampler starts from or adds along the way.',
  'dm.noise/start-noise': 'The initial noise, found by running the sampler backwards.',
  'dm.noise/ddpm-noise': 'The noise injected at each stochastic step.',
  'dm.noise/unconditional': 'The unconditional (null-prompt) embedding used for guidance.',
  'dm.textual': 'The concept is stored in the text-conditioning side: token embeddings or encoder outputs.',
  'dm.textual/word-embedding': 'A new token embedding in the text encoder vocabulary.',
  'dm.textual/layer-feature': 'Features inside the text encoder.',
  'dm.textual/output-feature': 'The text encoder output fed to the denoiser.',
  'dm.textual/P+': 'A different token embedding per denoiser layer.',
  'dm.textual/P*': 'Token embeddings that also vary with the timestep.',
  'dm.textual/celeb-basis': 'Mixtures of embeddings of known names.',
  'dm.feature': 'The concept enters as image features injected into the denoiser.',
  'dm.parameter': 'Weights of the diffusion model are tuned to the concept.',
  'dm.parameter/full': 'All or most denoiser weights.',
  'dm.parameter/key': 'A small chosen subset, such as attention key/value projections.',
  'dm.parameter/lora': 'Low-rank updates added to the weights.',
  'dm.training-free': 'No weights or embeddings are learned for the concept.',
  'dm.optimization': 'Embeddings or weights are optimised per concept at test time.',
  'dm.learning': 'A trained encoder maps the reference to the concept in one pass.',
  'dm.hybrid': 'A trained encoder initialises a short per-concept tuning.',
  'dm.subject': 'New images of a given object or animal.',
  'dm.face': 'New images of a given person.',
  'dm.character': 'A consistent character across images.',
  'dm.style': 'New content in a reference style.',
  'dm.high-level': 'Abstract concepts such as relations, poses or actions.',
  'dm.multi-concept': 'Several personal concepts in one image.',
  'dm.text-editing': 'Editing a given image with a changed prompt.',
  'dm.video': 'Personalized video generation.',
  'dm.3d': 'Personalized 3D generation.',
  'ar.visual-token': 'References enter as image tokens or embeddings in the model sequence.',
  'ar.visual-token/discrete': 'Tokens from a vector-quantised codebook.',
  'ar.visual-token/continuous': 'Continuous image embeddings.',
  'ar.textual': 'The concept is stored in learned soft tokens of the prompt.',
  'ar.parameter': 'Weights of the autoregressive model are tuned to the concept.',
  'ar.learning': 'The model reads the references in context, without tuning.',
  'ar.optimization': 'Tokens or weights are optimised per concept.',
  'ar.personalized-generation': 'Generation from prompts that mix text and reference images.',
  'ar.image-editing': 'Editing an image following an instruction.',
};
