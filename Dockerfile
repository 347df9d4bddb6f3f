# facetctl in an image FROM scratch: the binary, the shared libraries it links
# (the glibc build; no musl toolchain is assumed), CA certificates, /tmp and a
# passwd entry. Nothing is pulled: packaging/build-image.sh lays the files out
# under rootfs/ in the build context and runs `docker build` on it.
#
#   packaging/build-image.sh target/release/facetctl facetctl:0.1.0
#   docker run --rm -e FACETS_CONTROL_PLANE_URL -e FACETS_USERNAME -e FACETS_TOKEN \
#     -v "$PWD:/work" -w /work facetctl:0.1.0 artifact push oci:./layout:v1 --integration payments --bucket qa
FROM scratch
COPY rootfs/ /
ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
    FACETCTL_HOME=/facetctl \
    FACETCTL_SECRET_STORE=file \
    HOME=/facetctl
ENTRYPOINT ["/usr/local/bin/facetctl"]
