export const MEDIA = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
} as const;

/** All four, always: a partial Accept list makes the registry answer 404 for an index that exists. */
export const MANIFEST_ACCEPT = [MEDIA.ociIndex, MEDIA.ociManifest, MEDIA.dockerList, MEDIA.dockerManifest].join(", ");

export const isIndexType = (t: string) => t === MEDIA.ociIndex || t === MEDIA.dockerList;
export const isImageType = (t: string) => t === MEDIA.ociManifest || t === MEDIA.dockerManifest;

/** Layers a registry is not expected to hold (Windows base layers and the like). */
export const isForeignLayer = (t: string) => /\.foreign\.|nondistributable/.test(t);
